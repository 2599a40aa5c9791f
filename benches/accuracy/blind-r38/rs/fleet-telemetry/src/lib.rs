pub mod db;

use serde::Deserialize;

/// One GPS ping as published by the telematics gateway.
#[derive(Debug, Clone, Deserialize)]
pub struct Ping {
    pub vehicle: String,
    pub lat: f64,
    pub lon: f64,
    pub speed_kmh: f32,
    /// Unix epoch seconds (fractional).
    pub ts: f64,
}
