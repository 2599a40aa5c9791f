pub mod db;

pub mod proto {
    include!(concat!(env!("OUT_DIR"), "/catalog.v1.rs"));
}
