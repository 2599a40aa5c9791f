pub mod db;
pub mod models;
pub mod schema;
