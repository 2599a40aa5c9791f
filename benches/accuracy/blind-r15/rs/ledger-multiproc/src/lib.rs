pub mod db;
pub mod entry;
