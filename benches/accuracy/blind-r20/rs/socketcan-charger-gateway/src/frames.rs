//! Decoding of the charger vendor's CAN protocol (11-bit ids, node id in the low nibble).

#[derive(Debug, Clone)]
pub struct Status {
    pub charger: u8,
    pub voltage_dv: u16,
    pub current_da: i16,
    pub soc_pct: u8,
}

#[derive(Debug, Clone)]
pub struct Fault {
    pub charger: u8,
    pub code: u16,
}

pub enum ChargerMsg {
    Status(Status),
    Fault(Fault),
    Heartbeat(u8),
}

pub fn decode(id: u32, data: &[u8]) -> Option<ChargerMsg> {
    let charger = (id & 0x0F) as u8;
    match id & 0x7F0 {
        0x180 if data.len() >= 5 => Some(ChargerMsg::Status(Status {
            charger,
            voltage_dv: u16::from_le_bytes([data[0], data[1]]),
            current_da: i16::from_le_bytes([data[2], data[3]]),
            soc_pct: data[4],
        })),
        0x080 if data.len() >= 2 => Some(ChargerMsg::Fault(Fault {
            charger,
            code: u16::from_le_bytes([data[0], data[1]]),
        })),
        0x700 => Some(ChargerMsg::Heartbeat(charger)),
        _ => None,
    }
}
