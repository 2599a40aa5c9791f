pub mod db;
pub mod tasks;
