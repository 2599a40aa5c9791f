//! Decoding of the forklift controller's CAN messages.

#[derive(Debug, Clone)]
pub enum Signal {
    Speed { kmh: f32 },
    Battery { soc_pct: u8, volts: f32 },
    Lift { height_mm: u16, load_kg: u16 },
}

impl Signal {
    pub fn name(&self) -> &'static str {
        match self {
            Signal::Speed { .. } => "speed",
            Signal::Battery { .. } => "battery",
            Signal::Lift { .. } => "lift",
        }
    }

    pub fn value(&self) -> f64 {
        match self {
            Signal::Speed { kmh } => *kmh as f64,
            Signal::Battery { soc_pct, .. } => *soc_pct as f64,
            Signal::Lift { load_kg, .. } => *load_kg as f64,
        }
    }
}

pub fn decode(id: u32, data: &[u8]) -> Option<Signal> {
    match (id, data.len()) {
        (0x181, n) if n >= 2 => Some(Signal::Speed {
            kmh: u16::from_le_bytes([data[0], data[1]]) as f32 / 100.0,
        }),
        (0x281, n) if n >= 3 => Some(Signal::Battery {
            soc_pct: data[0],
            volts: u16::from_le_bytes([data[1], data[2]]) as f32 / 10.0,
        }),
        (0x381, n) if n >= 4 => Some(Signal::Lift {
            height_mm: u16::from_le_bytes([data[0], data[1]]),
            load_kg: u16::from_le_bytes([data[2], data[3]]),
        }),
        _ => None,
    }
}
