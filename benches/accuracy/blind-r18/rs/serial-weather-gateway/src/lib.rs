pub mod db;
pub mod frame;
