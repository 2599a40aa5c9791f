pub mod db;
pub mod menu;
