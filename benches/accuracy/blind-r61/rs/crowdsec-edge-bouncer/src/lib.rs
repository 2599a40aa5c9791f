pub mod db;
pub mod lapi;
