//! GELF 1.1 wire format: optional chunking (magic 0x1e 0x0f), optional
//! gzip or zlib compression, JSON payload.

use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

use flate2::read::{GzDecoder, ZlibDecoder};
use serde_json::Value;

pub struct ChunkSet {
    parts: Vec<Option<Vec<u8>>>,
    first_seen: Instant,
}

pub fn is_chunked(d: &[u8]) -> bool {
    d.len() > 12 && d[0] == 0x1e && d[1] == 0x0f
}

/// Returns the reassembled payload once every chunk of the message arrived.
pub fn add_chunk(pending: &mut HashMap<[u8; 8], ChunkSet>, d: &[u8]) -> Option<Vec<u8>> {
    let id: [u8; 8] = d[2..10].try_into().ok()?;
    let (seq, count) = (d[10] as usize, d[11] as usize);
    if count == 0 || count > 128 || seq >= count {
        return None;
    }
    let set = pending.entry(id).or_insert_with(|| ChunkSet {
        parts: vec![None; count],
        first_seen: Instant::now(),
    });
    set.parts[seq] = Some(d[12..].to_vec());
    if set.parts.iter().all(Option::is_some) {
        let set = pending.remove(&id)?;
        return Some(set.parts.into_iter().flatten().flatten().collect());
    }
    None
}

pub fn expire_chunks(pending: &mut HashMap<[u8; 8], ChunkSet>) {
    pending.retain(|_, s| s.first_seen.elapsed() < Duration::from_secs(5));
}

pub fn decode(payload: &[u8]) -> anyhow::Result<Value> {
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
    let value: Value = serde_json::from_slice(&json)?;
    anyhow::ensure!(value.get("short_message").is_some(), "missing short_message");
    Ok(value)
}
