//! Forza "Data Out" packets. The game sends one datagram per physics frame
//! (~60 per second) to the configured IP/port while driving.
//! FM7 "Dash" = 311 bytes, FM (2023) = 331 bytes, FH4/FH5 = 324 bytes with a
//! 12-byte gap after the "Sled" block (232 bytes).

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Telemetry {
    pub race_on: bool,
    pub timestamp_ms: u32,
    pub rpm: f32,
    pub speed_kmh: f32,
    pub car_ordinal: i32,
    pub car_class: i32,
    pub car_pi: i32,
    pub best_lap_s: f32,
    pub last_lap_s: f32,
    pub current_lap_s: f32,
    pub lap_number: u16,
    pub race_position: u8,
    pub gear: u8,
}

fn f32_at(b: &[u8], off: usize) -> f32 {
    f32::from_le_bytes(b[off..off + 4].try_into().unwrap())
}

fn i32_at(b: &[u8], off: usize) -> i32 {
    i32::from_le_bytes(b[off..off + 4].try_into().unwrap())
}

pub fn parse(b: &[u8]) -> Option<Telemetry> {
    let gap = match b.len() {
        311 | 331 => 0,
        324 => 12,
        _ => return None,
    };
    let dash = 232 + gap;
    Some(Telemetry {
        race_on: i32_at(b, 0) != 0,
        timestamp_ms: u32::from_le_bytes(b[4..8].try_into().unwrap()),
        rpm: f32_at(b, 16),
        car_ordinal: i32_at(b, 212),
        car_class: i32_at(b, 216),
        car_pi: i32_at(b, 220),
        speed_kmh: f32_at(b, dash + 12) * 3.6,
        best_lap_s: f32_at(b, dash + 52),
        last_lap_s: f32_at(b, dash + 56),
        current_lap_s: f32_at(b, dash + 60),
        lap_number: u16::from_le_bytes([b[dash + 68], b[dash + 69]]),
        race_position: b[dash + 70],
        gear: b[dash + 75],
    })
}
