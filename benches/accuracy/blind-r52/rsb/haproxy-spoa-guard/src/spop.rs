//! Minimal SPOP v2 framing (HAProxy doc/SPOE.txt, section 3).
use std::net::IpAddr;

use anyhow::{bail, ensure};
use bytes::{Buf, BufMut, Bytes, BytesMut};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub const HAPROXY_HELLO: u8 = 1;
pub const HAPROXY_DISCONNECT: u8 = 2;
pub const NOTIFY: u8 = 3;
pub const AGENT_HELLO: u8 = 101;
pub const AGENT_DISCONNECT: u8 = 102;
pub const ACK: u8 = 103;

pub const FLAG_FIN: u32 = 0x0000_0001;
pub const MAX_FRAME_SIZE: u32 = 16380;

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Ip(IpAddr),
    Str(String),
    Bin(Bytes),
}

pub struct Frame {
    pub kind: u8,
    pub flags: u32,
    pub stream_id: u64,
    pub frame_id: u64,
    pub payload: Bytes,
}

pub fn get_varint(buf: &mut Bytes) -> anyhow::Result<u64> {
    ensure!(buf.has_remaining(), "truncated varint");
    let mut value = buf.get_u8() as u64;
    if value < 240 {
        return Ok(value);
    }
    let mut shift = 4;
    loop {
        ensure!(buf.has_remaining(), "truncated varint");
        let b = buf.get_u8() as u64;
        value += b << shift;
        shift += 7;
        if b < 128 {
            return Ok(value);
        }
    }
}

pub fn put_varint(out: &mut BytesMut, mut value: u64) {
    if value < 240 {
        out.put_u8(value as u8);
        return;
    }
    out.put_u8((value | 240) as u8);
    value = (value - 240) >> 4;
    while value >= 128 {
        out.put_u8((value | 128) as u8);
        value = (value - 128) >> 7;
    }
    out.put_u8(value as u8);
}

pub fn get_string(buf: &mut Bytes) -> anyhow::Result<String> {
    let len = get_varint(buf)? as usize;
    ensure!(buf.remaining() >= len, "truncated string");
    Ok(String::from_utf8_lossy(&buf.split_to(len)).into_owned())
}

pub fn put_string(out: &mut BytesMut, s: &str) {
    put_varint(out, s.len() as u64);
    out.put_slice(s.as_bytes());
}

pub fn get_value(buf: &mut Bytes) -> anyhow::Result<Value> {
    ensure!(buf.has_remaining(), "truncated typed data");
    let type_byte = buf.get_u8();
    Ok(match type_byte & 0x0f {
        0 => Value::Null,
        1 => Value::Bool(type_byte & 0x10 != 0),
        2 | 4 => Value::Int(get_varint(buf)? as i64),
        3 | 5 => Value::Uint(get_varint(buf)?),
        6 => {
            ensure!(buf.remaining() >= 4, "truncated ipv4");
            Value::Ip(IpAddr::from(buf.get_u32().to_be_bytes()))
        }
        7 => {
            ensure!(buf.remaining() >= 16, "truncated ipv6");
            Value::Ip(IpAddr::from(buf.get_u128().to_be_bytes()))
        }
        8 => Value::Str(get_string(buf)?),
        9 => {
            let len = get_varint(buf)? as usize;
            ensure!(buf.remaining() >= len, "truncated binary");
            Value::Bin(buf.split_to(len))
        }
        other => bail!("unknown SPOP data type {other}"),
    })
}

pub fn put_value(out: &mut BytesMut, value: &Value) {
    match value {
        Value::Null => out.put_u8(0),
        Value::Bool(b) => out.put_u8(1 | if *b { 0x10 } else { 0 }),
        Value::Int(i) => {
            out.put_u8(4);
            put_varint(out, *i as u64);
        }
        Value::Uint(u) => {
            out.put_u8(5);
            put_varint(out, *u);
        }
        Value::Str(s) => {
            out.put_u8(8);
            put_string(out, s);
        }
        Value::Ip(_) | Value::Bin(_) => unimplemented!("agent never sends addresses or binaries"),
    }
}

pub async fn read_frame(stream: &mut TcpStream) -> anyhow::Result<Frame> {
    let len = stream.read_u32().await?;
    ensure!(len <= MAX_FRAME_SIZE, "frame of {len} bytes exceeds max-frame-size");
    let mut raw = vec![0u8; len as usize];
    stream.read_exact(&mut raw).await?;
    let mut buf = Bytes::from(raw);
    ensure!(buf.remaining() >= 5, "short frame header");
    let kind = buf.get_u8();
    let flags = buf.get_u32();
    let stream_id = get_varint(&mut buf)?;
    let frame_id = get_varint(&mut buf)?;
    Ok(Frame { kind, flags, stream_id, frame_id, payload: buf })
}

pub async fn write_frame(stream: &mut TcpStream, kind: u8, stream_id: u64, frame_id: u64, payload: &[u8]) -> anyhow::Result<()> {
    let mut out = BytesMut::with_capacity(payload.len() + 24);
    out.put_u32(0); // length, patched below
    out.put_u8(kind);
    out.put_u32(FLAG_FIN);
    put_varint(&mut out, stream_id);
    put_varint(&mut out, frame_id);
    out.put_slice(payload);
    let len = (out.len() - 4) as u32;
    out[..4].copy_from_slice(&len.to_be_bytes());
    stream.write_all(&out).await?;
    Ok(())
}
