//! Lumberjack protocol v2 as spoken by libbeat's `output.logstash`.
//!
//! frame := version(u8 = '2') type(u8) body
//!   'W' window size : count u32
//!   'J' json event  : seq u32, len u32, payload
//!   'C' compressed  : len u32, zlib payload containing further frames
//!   'A' ack (server): seq u32

use std::io::Read;

use anyhow::{bail, Result};
use flate2::read::ZlibDecoder;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

pub struct Event {
    pub seq: u32,
    pub doc: Value,
}

/// Read one complete window (the 'W' frame plus `count` events) from the beat.
pub async fn read_window<R: AsyncRead + Unpin>(r: &mut R) -> Result<Vec<Event>> {
    let (version, kind) = (r.read_u8().await?, r.read_u8().await?);
    if version != b'2' || kind != b'W' {
        bail!("expected window frame, got {:?}{:?}", version as char, kind as char);
    }
    let count = r.read_u32().await? as usize;
    let mut events = Vec::with_capacity(count);

    while events.len() < count {
        let version = r.read_u8().await?;
        let kind = r.read_u8().await?;
        if version != b'2' {
            bail!("unsupported lumberjack version {}", version);
        }
        match kind {
            b'J' => {
                let seq = r.read_u32().await?;
                let len = r.read_u32().await? as usize;
                let mut payload = vec![0u8; len];
                r.read_exact(&mut payload).await?;
                events.push(Event { seq, doc: serde_json::from_slice(&payload)? });
            }
            b'C' => {
                let len = r.read_u32().await? as usize;
                let mut packed = vec![0u8; len];
                r.read_exact(&mut packed).await?;
                let mut raw = Vec::new();
                ZlibDecoder::new(packed.as_slice()).read_to_end(&mut raw)?;
                parse_inner(&raw, &mut events)?;
            }
            other => bail!("unexpected frame type {:?}", other as char),
        }
    }
    Ok(events)
}

fn parse_inner(mut buf: &[u8], out: &mut Vec<Event>) -> Result<()> {
    fn u32_at(b: &[u8]) -> Result<u32> {
        if b.len() < 4 {
            bail!("truncated frame");
        }
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    while buf.len() >= 2 {
        if buf[0] != b'2' || buf[1] != b'J' {
            bail!("unexpected frame inside compressed block");
        }
        let seq = u32_at(&buf[2..])?;
        let len = u32_at(&buf[6..])? as usize;
        let end = 10 + len;
        if buf.len() < end {
            bail!("truncated json frame");
        }
        out.push(Event { seq, doc: serde_json::from_slice(&buf[10..end])? });
        buf = &buf[end..];
    }
    Ok(())
}

pub async fn ack<W: AsyncWrite + Unpin>(w: &mut W, seq: u32) -> Result<()> {
    w.write_all(&[b'2', b'A']).await?;
    w.write_u32(seq).await?;
    w.flush().await?;
    Ok(())
}
