//! Semtech UDP packet-forwarder protocol, version 2 (gateway <-> network server).
use anyhow::{bail, Result};
use serde::Deserialize;

pub const PROTOCOL_VERSION: u8 = 2;
pub const PUSH_DATA: u8 = 0x00;
pub const PUSH_ACK: u8 = 0x01;
pub const PULL_DATA: u8 = 0x02;
pub const PULL_ACK: u8 = 0x04;
pub const TX_ACK: u8 = 0x05;

pub struct Datagram<'a> {
    pub token: [u8; 2],
    pub ident: u8,
    pub gateway_eui: Option<[u8; 8]>,
    pub body: &'a [u8],
}

#[derive(Debug, Deserialize)]
pub struct PushData {
    #[serde(default)]
    pub rxpk: Vec<RxPk>,
    pub stat: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RxPk {
    pub tmst: u32,
    pub freq: f64,
    pub datr: String,
    pub rssi: i32,
    pub lsnr: Option<f64>,
    pub size: u32,
    pub data: String,
}

pub fn parse(buf: &[u8]) -> Result<Datagram<'_>> {
    if buf.len() < 4 || buf[0] != PROTOCOL_VERSION {
        bail!("not a v2 packet-forwarder datagram");
    }
    let token = [buf[1], buf[2]];
    let ident = buf[3];
    let (gateway_eui, body) = match ident {
        PUSH_DATA | PULL_DATA | TX_ACK if buf.len() >= 12 => {
            let mut eui = [0u8; 8];
            eui.copy_from_slice(&buf[4..12]);
            (Some(eui), &buf[12..])
        }
        _ => (None, &buf[4..]),
    };
    Ok(Datagram { token, ident, gateway_eui, body })
}

pub fn ack(token: [u8; 2], ident: u8) -> [u8; 4] {
    [PROTOCOL_VERSION, token[0], token[1], ident]
}
