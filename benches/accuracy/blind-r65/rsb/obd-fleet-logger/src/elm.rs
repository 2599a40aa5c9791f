//! Minimal ELM327 driver: AT command set + OBD-II mode 01 / mode 03 requests.

use std::io::{Read, Write};
use std::time::Duration;

use serialport::SerialPort;

pub struct Elm327 {
    port: Box<dyn SerialPort>,
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
pub struct Sample {
    pub ts: i64,
    pub rpm: Option<f32>,
    pub speed_kmh: Option<u8>,
    pub coolant_c: Option<i16>,
    pub fuel_pct: Option<f32>,
}

impl Elm327 {
    pub fn open(path: &str) -> Result<Self, Box<dyn std::error::Error>> {
        let port = serialport::new(path, 38_400)
            .timeout(Duration::from_millis(1500))
            .open()?;
        let mut elm = Elm327 { port };
        for cmd in ["ATZ", "ATE0", "ATL0", "ATS0", "ATH0", "ATSP0"] {
            elm.command(cmd)?;
        }
        Ok(elm)
    }

    /// Sends one command and reads until the '>' prompt.
    pub fn command(&mut self, cmd: &str) -> std::io::Result<String> {
        self.port.write_all(cmd.as_bytes())?;
        self.port.write_all(b"\r")?;
        let mut out = Vec::with_capacity(64);
        let mut byte = [0u8; 1];
        loop {
            let n = self.port.read(&mut byte)?;
            if n == 0 || byte[0] == b'>' {
                break;
            }
            out.push(byte[0]);
        }
        let text = String::from_utf8_lossy(&out).replace('\r', "\n");
        Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && *l != "SEARCHING...")
            .collect::<Vec<_>>()
            .join("\n"))
    }

    fn pid(&mut self, pid: &str) -> Option<Vec<u8>> {
        let resp = self.command(&format!("01{pid}")).ok()?;
        if resp.contains("NO DATA") || resp.contains("ERROR") {
            return None;
        }
        let bytes = hex_bytes(resp.lines().next()?)?;
        // Positive response: 0x41, pid, data...
        if bytes.len() < 3 || bytes[0] != 0x41 {
            return None;
        }
        Some(bytes[2..].to_vec())
    }

    pub fn sample(&mut self, ts: i64) -> Sample {
        Sample {
            ts,
            rpm: self.pid("0C").map(|d| ((d[0] as f32) * 256.0 + d[1] as f32) / 4.0),
            speed_kmh: self.pid("0D").map(|d| d[0]),
            coolant_c: self.pid("05").map(|d| d[0] as i16 - 40),
            fuel_pct: self.pid("2F").map(|d| d[0] as f32 * 100.0 / 255.0),
        }
    }

    /// Mode 03: stored diagnostic trouble codes, e.g. ["P0301", "P0420"].
    pub fn stored_dtcs(&mut self) -> Vec<String> {
        let Ok(resp) = self.command("03") else { return Vec::new() };
        let Some(bytes) = resp.lines().next().and_then(hex_bytes) else { return Vec::new() };
        if bytes.first() != Some(&0x43) {
            return Vec::new();
        }
        bytes[1..]
            .chunks(2)
            .filter(|c| c.len() == 2 && (c[0] != 0 || c[1] != 0))
            .map(|c| {
                let kind = ['P', 'C', 'B', 'U'][(c[0] >> 6) as usize];
                format!("{kind}{}{:X}{:02X}", (c[0] >> 4) & 0x3, c[0] & 0x0F, c[1])
            })
            .collect()
    }
}

fn hex_bytes(line: &str) -> Option<Vec<u8>> {
    let clean: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    (0..clean.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(clean.get(i..i + 2)?, 16).ok())
        .collect()
}
