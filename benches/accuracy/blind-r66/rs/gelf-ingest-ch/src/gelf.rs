//! GELF 1.1 over UDP: optional chunking (0x1e 0x0f), optional gzip / zlib compression.

use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

use flate2::read::{GzDecoder, ZlibDecoder};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct GelfMessage {
    pub host: String,
    pub short_message: String,
    #[serde(default)]
    pub full_message: Option<String>,
    #[serde(default)]
    pub timestamp: Option<f64>,
    #[serde(default = "default_level")]
    pub level: u8,
    #[serde(default, rename = "_service")]
    pub service: Option<String>,
    #[serde(default, rename = "_trace_id")]
    pub trace_id: Option<String>,
}

fn default_level() -> u8 {
    6
}

struct Partial {
    first_seen: Instant,
    total: u8,
    parts: HashMap<u8, Vec<u8>>,
}

#[derive(Default)]
pub struct Reassembler {
    pending: HashMap<[u8; 8], Partial>,
}

impl Reassembler {
    /// Returns a complete (still possibly compressed) payload once all chunks arrived.
    pub fn push(&mut self, datagram: &[u8]) -> Option<Vec<u8>> {
        if datagram.len() < 12 || datagram[0] != 0x1e || datagram[1] != 0x0f {
            return Some(datagram.to_vec());
        }
        let mut id = [0u8; 8];
        id.copy_from_slice(&datagram[2..10]);
        let seq = datagram[10];
        let total = datagram[11];
        if total == 0 || total > 128 || seq >= total {
            return None;
        }
        let entry = self.pending.entry(id).or_insert_with(|| Partial {
            first_seen: Instant::now(),
            total,
            parts: HashMap::new(),
        });
        entry.parts.insert(seq, datagram[12..].to_vec());
        if entry.parts.len() < entry.total as usize {
            return None;
        }
        let done = self.pending.remove(&id)?;
        let mut out = Vec::new();
        for i in 0..done.total {
            out.extend_from_slice(done.parts.get(&i)?);
        }
        Some(out)
    }

    /// GELF says incomplete chunk sets are dropped after five seconds.
    pub fn expire(&mut self) {
        self.pending
            .retain(|_, p| p.first_seen.elapsed() < Duration::from_secs(5));
    }
}

pub fn decode(payload: &[u8]) -> anyhow::Result<GelfMessage> {
    let mut json = Vec::with_capacity(payload.len() * 4);
    match payload {
        [0x1f, 0x8b, ..] => {
            GzDecoder::new(payload).read_to_end(&mut json)?;
        }
        [0x78, ..] => {
            ZlibDecoder::new(payload).read_to_end(&mut json)?;
        }
        _ => json.extend_from_slice(payload),
    }
    Ok(serde_json::from_slice(&json)?)
}
