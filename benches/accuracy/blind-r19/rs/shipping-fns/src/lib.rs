pub mod carriers;
pub mod db;
