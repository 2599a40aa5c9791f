//! Minimal SMPP 3.4 PDU framing: 16-byte header + body.

use anyhow::{bail, Context, Result};
use tokio::io::{AsyncRead, AsyncReadExt};

pub struct Pdu {
    pub command_id: u32,
    pub command_status: u32,
    pub sequence_number: u32,
    pub body: Vec<u8>,
}

impl Pdu {
    pub fn empty(command_id: u32, command_status: u32, sequence_number: u32) -> Self {
        Pdu { command_id, command_status, sequence_number, body: Vec::new() }
    }

    pub fn bind_transceiver(seq: u32, system_id: &str, password: &str, system_type: &str) -> Self {
        let mut body = Vec::new();
        for field in [system_id, password, system_type] {
            body.extend_from_slice(field.as_bytes());
            body.push(0);
        }
        body.extend_from_slice(&[0x34, 0, 0, 0]); // interface_version 3.4, addr_ton, addr_npi, empty address_range
        Pdu { command_id: 0x0000_0009, command_status: 0, sequence_number: seq, body }
    }

    pub fn deliver_sm_resp(seq: u32) -> Self {
        Pdu { command_id: 0x8000_0005, command_status: 0, sequence_number: seq, body: vec![0] } // empty message_id
    }

    pub fn encode(&self) -> Vec<u8> {
        let len = 16 + self.body.len() as u32;
        [len, self.command_id, self.command_status, self.sequence_number]
            .iter()
            .flat_map(|w| w.to_be_bytes())
            .chain(self.body.iter().copied())
            .collect()
    }

    pub async fn read_from<R: AsyncRead + Unpin>(rd: &mut R) -> Result<Self> {
        let mut hdr = [0u8; 16];
        rd.read_exact(&mut hdr).await.context("SMSC closed the bind")?;
        let word = |i: usize| u32::from_be_bytes([hdr[i], hdr[i + 1], hdr[i + 2], hdr[i + 3]]);
        let len = word(0);
        if !(16..=65_536).contains(&len) {
            bail!("bad command_length {len}");
        }
        let mut body = vec![0u8; len as usize - 16];
        rd.read_exact(&mut body).await?;
        Ok(Pdu { command_id: word(4), command_status: word(8), sequence_number: word(12), body })
    }
}

pub struct DeliverSm {
    pub source_addr: String,
    pub destination_addr: String,
    pub esm_class: u8,
    pub data_coding: u8,
    pub short_message: Vec<u8>,
}

fn cstr(b: &[u8], pos: &mut usize) -> Result<String> {
    let rest = b.get(*pos..).context("truncated PDU")?;
    let end = rest.iter().position(|&c| c == 0).context("unterminated C-Octet String")?;
    *pos += end + 1;
    Ok(String::from_utf8_lossy(&rest[..end]).into_owned())
}

fn byte(b: &[u8], pos: &mut usize) -> Result<u8> {
    let v = *b.get(*pos).context("truncated PDU")?;
    *pos += 1;
    Ok(v)
}

impl DeliverSm {
    pub fn parse(b: &[u8]) -> Result<Self> {
        let mut p = 0;
        cstr(b, &mut p)?; // service_type
        p += 2; // source_addr_ton, source_addr_npi
        let source_addr = cstr(b, &mut p)?;
        p += 2; // dest_addr_ton, dest_addr_npi
        let destination_addr = cstr(b, &mut p)?;
        let esm_class = byte(b, &mut p)?;
        p += 2; // protocol_id, priority_flag
        cstr(b, &mut p)?; // schedule_delivery_time
        cstr(b, &mut p)?; // validity_period
        p += 2; // registered_delivery, replace_if_present_flag
        let data_coding = byte(b, &mut p)?;
        p += 1; // sm_default_msg_id
        let sm_length = byte(b, &mut p)? as usize;
        let mut short_message = b.get(p..p + sm_length).context("truncated short_message")?.to_vec();
        p += sm_length;
        // optional TLVs; long texts arrive in message_payload (0x0424) with sm_length = 0
        while p + 4 <= b.len() {
            let tag = u16::from_be_bytes([b[p], b[p + 1]]);
            let len = u16::from_be_bytes([b[p + 2], b[p + 3]]) as usize;
            let value = b.get(p + 4..p + 4 + len).context("truncated TLV")?;
            if tag == 0x0424 && short_message.is_empty() {
                short_message = value.to_vec();
            }
            p += 4 + len;
        }
        Ok(DeliverSm { source_addr, destination_addr, esm_class, data_coding, short_message })
    }

    /// esm_class bits 2-5 = 0b0001: SMSC delivery receipt, not a subscriber message.
    pub fn is_delivery_receipt(&self) -> bool {
        self.esm_class & 0x3C == 0x04
    }

    pub fn text(&self) -> String {
        if self.data_coding == 0x08 {
            let units: Vec<u16> = self.short_message.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
            String::from_utf16_lossy(&units)
        } else {
            self.short_message.iter().map(|&b| b as char).collect()
        }
    }
}
