use serde::{Deserialize, Serialize};

/// Mirrors the IDL struct `fleet::Telemetry` published by the vehicle gateways.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Telemetry {
    pub vehicle_id: String,
    pub depot: String,
    pub timestamp_ms: i64,
    pub lat: f64,
    pub lon: f64,
    pub speed_kph: f32,
}
