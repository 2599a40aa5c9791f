use std::io::{Cursor, ErrorKind};

use anyhow::{bail, Result};
use rmpv::Value;
use sqlx::PgPool;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::sink::{self, Entry, Settings};

/// One fluent-bit node. Fluent Bit keeps this TCP session open for as long as
/// the node is up and sends one forward message per flushed chunk.
pub async fn serve(mut socket: TcpStream, pg: PgPool, settings: Settings) -> Result<()> {
    let mut conn = pg.acquire().await?;

    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        while let Some((value, used)) = try_decode(&buf)? {
            buf.drain(..used);
            let (tag, entries, chunk_id) = split_message(value)?;
            sink::store(&settings, &mut conn, &tag, entries).await?;

            if let Some(id) = chunk_id {
                let ack = Value::Map(vec![(Value::from("ack"), Value::from(id))]);
                let mut out = Vec::with_capacity(48);
                rmpv::encode::write_value(&mut out, &ack)?;
                socket.write_all(&out).await?;
            }
        }

        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Decodes one complete MessagePack value from the front of `buf`, or returns
/// `None` when more bytes are needed.
fn try_decode(buf: &[u8]) -> Result<Option<(Value, usize)>> {
    if buf.is_empty() {
        return Ok(None);
    }
    let mut cur = Cursor::new(buf);
    match rmpv::decode::read_value(&mut cur) {
        Ok(v) => Ok(Some((v, cur.position() as usize))),
        Err(rmpv::decode::Error::InvalidMarkerRead(e) | rmpv::decode::Error::InvalidDataRead(e))
            if e.kind() == ErrorKind::UnexpectedEof =>
        {
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Message mode   `[tag, time, record, option?]`
/// Forward mode   `[tag, [[time, record], ...], option?]`
/// PackedForward  `[tag, bin|str (concatenated [time, record] entries), option?]`
fn split_message(v: Value) -> Result<(String, Vec<Entry>, Option<String>)> {
    let Value::Array(items) = v else {
        bail!("forward message is not an array");
    };
    let tag = items.first().and_then(Value::as_str).unwrap_or("untagged").to_string();

    let mut entries = Vec::new();
    let option_idx = match items.get(1) {
        Some(Value::Array(list)) => {
            entries.extend(list.iter().filter_map(|e| entry_from_pair(e)));
            2
        }
        Some(Value::Binary(packed)) => {
            entries.extend(unpack(packed)?);
            2
        }
        Some(Value::String(packed)) => {
            entries.extend(unpack(packed.as_bytes())?);
            2
        }
        Some(time) => {
            if let Some(record) = items.get(2) {
                entries.extend(Entry::from_parts(time, record));
            }
            3
        }
        None => bail!("forward message without entries"),
    };

    let chunk = items
        .get(option_idx)
        .and_then(Value::as_map)
        .and_then(|m| m.iter().find(|(k, _)| k.as_str() == Some("chunk")))
        .and_then(|(_, v)| v.as_str())
        .map(str::to_string);

    Ok((tag, entries, chunk))
}

fn entry_from_pair(e: &Value) -> Option<Entry> {
    let pair = e.as_array()?;
    Entry::from_parts(pair.first()?, pair.get(1)?)
}

fn unpack(mut bytes: &[u8]) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let v = rmpv::decode::read_value(&mut bytes)?;
        out.extend(entry_from_pair(&v));
    }
    Ok(out)
}
