pub mod db;
pub mod sbs;
