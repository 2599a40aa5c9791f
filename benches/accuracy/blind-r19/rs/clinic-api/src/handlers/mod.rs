pub mod appointments;
pub mod availability;
pub mod prescriptions;
