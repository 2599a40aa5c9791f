pub mod catalog;
pub mod db;
