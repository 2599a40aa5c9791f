pub mod points;
pub mod raffle;
pub mod weather;
