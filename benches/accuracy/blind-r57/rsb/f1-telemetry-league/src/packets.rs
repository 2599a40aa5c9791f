//! Minimal decoding of the EA SPORTS F1 24 UDP telemetry format
//! (little-endian, packet format 2024). Only the header and the lap data
//! packet are decoded; everything else is skipped.

pub const HEADER_SIZE: usize = 29;
pub const LAP_DATA_SIZE: usize = 57;
pub const PACKET_LAP_DATA: u8 = 2;
pub const PACKET_SESSION_ENDED: u8 = 8; // final classification

#[derive(Debug, Clone, Copy)]
pub struct Header {
    pub packet_format: u16,
    pub packet_id: u8,
    pub session_uid: u64,
    pub player_car_index: u8,
}

#[derive(Debug, Clone, Copy)]
pub struct PlayerLap {
    pub last_lap_ms: u32,
    pub current_lap_num: u8,
    pub car_position: u8,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

pub fn header(buf: &[u8]) -> Option<Header> {
    if buf.len() < HEADER_SIZE {
        return None;
    }
    Some(Header {
        packet_format: u16_at(buf, 0),
        packet_id: buf[6],
        session_uid: u64::from_le_bytes(buf[7..15].try_into().ok()?),
        player_car_index: buf[27],
    })
}

/// Lap data for the rig's own car (22 cars follow the header).
pub fn player_lap(buf: &[u8], h: &Header) -> Option<PlayerLap> {
    let start = HEADER_SIZE + LAP_DATA_SIZE * h.player_car_index as usize;
    let car = buf.get(start..start + LAP_DATA_SIZE)?;
    Some(PlayerLap {
        last_lap_ms: u32_at(car, 0),
        car_position: car[32],
        current_lap_num: car[33],
    })
}
