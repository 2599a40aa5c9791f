//! Minimal decoder for the WSJT-X UDP message protocol (NetworkMessage.hpp).
//! Every datagram is a Qt QDataStream: big-endian integers, strings as
//! QByteArray (u32 length, 0xffffffff = null) holding UTF-8.

use anyhow::{bail, Result};
use bytes::Buf;

const MAGIC: u32 = 0xadbc_cbda;

#[derive(Debug)]
pub enum Message {
    Heartbeat { id: String },
    Decode(Decode),
    QsoLogged(QsoLogged),
    Close { id: String },
    Other(u32),
}

#[derive(Debug)]
pub struct Decode {
    pub id: String,
    pub is_new: bool,
    pub snr: i32,
    pub delta_freq: u32,
    pub mode: String,
    pub text: String,
}

#[derive(Debug)]
pub struct QsoLogged {
    pub id: String,
    pub dx_call: String,
    pub dx_grid: String,
    pub tx_freq_hz: u64,
    pub mode: String,
    pub report_sent: String,
    pub report_rcvd: String,
}

fn utf8(buf: &mut &[u8]) -> Result<String> {
    if buf.remaining() < 4 {
        bail!("truncated string length");
    }
    let len = buf.get_u32();
    if len == 0xffff_ffff {
        return Ok(String::new());
    }
    let len = len as usize;
    if buf.remaining() < len {
        bail!("truncated string");
    }
    let s = String::from_utf8_lossy(&buf[..len]).into_owned();
    buf.advance(len);
    Ok(s)
}

/// QDateTime: julian day (i64), ms since midnight (u32), timespec (u8),
/// plus a UTC offset (i32) when timespec == 2.
fn skip_datetime(buf: &mut &[u8]) -> Result<()> {
    if buf.remaining() < 13 {
        bail!("truncated QDateTime");
    }
    buf.advance(12);
    if buf.get_u8() == 2 && buf.remaining() >= 4 {
        buf.advance(4);
    }
    Ok(())
}

pub fn parse(mut buf: &[u8]) -> Result<Message> {
    if buf.remaining() < 12 || buf.get_u32() != MAGIC {
        bail!("not a WSJT-X datagram");
    }
    let _schema = buf.get_u32();
    let kind = buf.get_u32();
    let id = utf8(&mut buf)?;
    Ok(match kind {
        0 => Message::Heartbeat { id },
        2 => {
            if buf.remaining() < 21 {
                bail!("truncated Decode");
            }
            let is_new = buf.get_u8() != 0;
            let _time_ms = buf.get_u32();
            let snr = buf.get_i32();
            let _delta_time = buf.get_f64();
            let delta_freq = buf.get_u32();
            let mode = utf8(&mut buf)?;
            let text = utf8(&mut buf)?;
            Message::Decode(Decode { id, is_new, snr, delta_freq, mode, text })
        }
        5 => {
            skip_datetime(&mut buf)?;
            let dx_call = utf8(&mut buf)?;
            let dx_grid = utf8(&mut buf)?;
            if buf.remaining() < 8 {
                bail!("truncated QSOLogged");
            }
            let tx_freq_hz = buf.get_u64();
            let mode = utf8(&mut buf)?;
            let report_sent = utf8(&mut buf)?;
            let report_rcvd = utf8(&mut buf)?;
            Message::QsoLogged(QsoLogged { id, dx_call, dx_grid, tx_freq_hz, mode, report_sent, report_rcvd })
        }
        6 => Message::Close { id },
        other => Message::Other(other),
    })
}
