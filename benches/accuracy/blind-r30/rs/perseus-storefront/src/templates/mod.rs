pub mod account;
pub mod index;
