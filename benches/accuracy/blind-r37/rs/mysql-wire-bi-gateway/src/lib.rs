pub mod db;
pub mod shim;
