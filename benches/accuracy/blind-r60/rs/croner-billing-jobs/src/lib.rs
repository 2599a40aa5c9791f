pub mod db;
pub mod jobs;
