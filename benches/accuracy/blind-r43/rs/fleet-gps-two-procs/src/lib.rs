pub mod db;
pub mod schema;
