pub mod db;
pub mod manifest;
pub mod search;
