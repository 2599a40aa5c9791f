//! NRPE protocol v2 packet: version(i16) type(i16) crc32(u32) result(i16) buffer[1024] + 2 pad = 1036 bytes.
use anyhow::{bail, Result};

pub const PACKET_LEN: usize = 1036;
const QUERY: i16 = 1;
const RESPONSE: i16 = 2;

pub fn parse_query(raw: &[u8; PACKET_LEN]) -> Result<String> {
    let version = i16::from_be_bytes([raw[0], raw[1]]);
    let kind = i16::from_be_bytes([raw[2], raw[3]]);
    if version != 2 || kind != QUERY {
        bail!("unsupported packet version {version} type {kind}");
    }
    let crc = u32::from_be_bytes([raw[4], raw[5], raw[6], raw[7]]);
    let mut zeroed = *raw;
    zeroed[4..8].fill(0);
    if crc32fast::hash(&zeroed) != crc {
        bail!("CRC mismatch");
    }
    let buf = &raw[10..10 + 1024];
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}

pub fn response(result: i16, text: &str) -> [u8; PACKET_LEN] {
    let mut p = [0u8; PACKET_LEN];
    p[0..2].copy_from_slice(&2i16.to_be_bytes());
    p[2..4].copy_from_slice(&RESPONSE.to_be_bytes());
    p[8..10].copy_from_slice(&result.to_be_bytes());
    let bytes = text.as_bytes();
    let n = bytes.len().min(1023);
    p[10..10 + n].copy_from_slice(&bytes[..n]);
    let crc = crc32fast::hash(&p);
    p[4..8].copy_from_slice(&crc.to_be_bytes());
    p
}
