//! Lumberjack protocol v2 as spoken by libbeat's logstash output:
//! `2W <u32 window>` then `2C <u32 len> <zlib>` wrapping `2J <u32 seq> <u32 len> <json>` frames; we ack with `2A <u32 seq>`.
use std::io::Read;

use anyhow::{bail, Result};
use flate2::read::ZlibDecoder;
use tokio::io::{AsyncRead, AsyncReadExt};

pub enum Frame {
    Window(u32),
    Json { seq: u32, event: serde_json::Value },
}

pub async fn read_batch<R: AsyncRead + Unpin>(r: &mut R) -> Result<Option<Vec<Frame>>> {
    let mut head = [0u8; 2];
    match r.read_exact(&mut head).await {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    let mut frames = Vec::new();
    match head {
        [b'2', b'W'] => frames.push(Frame::Window(r.read_u32().await?)),
        [b'2', b'C'] => {
            let len = r.read_u32().await? as usize;
            let mut compressed = vec![0u8; len];
            r.read_exact(&mut compressed).await?;
            let mut plain = Vec::new();
            ZlibDecoder::new(&compressed[..]).read_to_end(&mut plain)?;
            parse_plain(&plain, &mut frames)?;
        }
        [b'2', b'J'] => {
            let seq = r.read_u32().await?;
            let len = r.read_u32().await? as usize;
            let mut payload = vec![0u8; len];
            r.read_exact(&mut payload).await?;
            frames.push(Frame::Json { seq, event: serde_json::from_slice(&payload)? });
        }
        other => bail!("unexpected frame header {:?}", other),
    }
    Ok(Some(frames))
}

fn parse_plain(mut b: &[u8], out: &mut Vec<Frame>) -> Result<()> {
    let be32 = |s: &[u8]| u32::from_be_bytes([s[0], s[1], s[2], s[3]]);
    while b.len() >= 10 {
        if &b[..2] != b"2J" {
            bail!("only JSON frames expected inside a compressed frame");
        }
        let seq = be32(&b[2..6]);
        let len = be32(&b[6..10]) as usize;
        let payload = b.get(10..10 + len).ok_or_else(|| anyhow::anyhow!("truncated frame"))?;
        out.push(Frame::Json { seq, event: serde_json::from_slice(payload)? });
        b = &b[10 + len..];
    }
    Ok(())
}
