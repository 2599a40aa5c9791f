pub mod db;
pub mod escpos;
