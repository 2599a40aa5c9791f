pub mod invoices;
pub mod lease;
pub mod reports;
pub mod usage;
