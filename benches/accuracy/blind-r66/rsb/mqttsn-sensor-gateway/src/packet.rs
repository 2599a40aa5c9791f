//! MQTT-SN v1.2 packets used by the motes (no wildcards, no will, no QoS 2).
#[derive(Debug)]
pub enum Packet {
    Connect { flags: u8, duration: u16, client_id: String },
    ConnAck { code: u8 },
    Register { topic_id: u16, msg_id: u16, topic: String },
    RegAck { topic_id: u16, msg_id: u16, code: u8 },
    Publish { qos: u8, topic_id: u16, msg_id: u16, data: Vec<u8> },
    PubAck { topic_id: u16, msg_id: u16, code: u8 },
    PingReq,
    PingResp,
    Disconnect,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?]))
}

impl Packet {
    pub fn decode(buf: &[u8]) -> Option<Packet> {
        let (len, hdr) = match *buf.first()? {
            0x01 => (u16_at(buf, 1)? as usize, 3),
            n => (n as usize, 1),
        };
        let body = buf.get(hdr + 1..len.min(buf.len()))?;
        Some(match *buf.get(hdr)? {
            0x04 => Packet::Connect {
                flags: *body.first()?,
                duration: u16_at(body, 2)?,
                client_id: String::from_utf8_lossy(body.get(4..)?).into_owned(),
            },
            0x0A => Packet::Register {
                topic_id: u16_at(body, 0)?,
                msg_id: u16_at(body, 2)?,
                topic: String::from_utf8_lossy(body.get(4..)?).into_owned(),
            },
            0x0C => Packet::Publish {
                qos: (body.first()? >> 5) & 0x03,
                topic_id: u16_at(body, 1)?,
                msg_id: u16_at(body, 3)?,
                data: body.get(5..)?.to_vec(),
            },
            0x16 => Packet::PingReq,
            0x18 => Packet::Disconnect,
            _ => return None,
        })
    }

    pub fn encode(&self) -> Vec<u8> {
        let (kind, body): (u8, Vec<u8>) = match self {
            Packet::ConnAck { code } => (0x05, vec![*code]),
            Packet::RegAck { topic_id, msg_id, code } => {
                let mut b = topic_id.to_be_bytes().to_vec();
                b.extend(msg_id.to_be_bytes());
                b.push(*code);
                (0x0B, b)
            }
            Packet::PubAck { topic_id, msg_id, code } => {
                let mut b = topic_id.to_be_bytes().to_vec();
                b.extend(msg_id.to_be_bytes());
                b.push(*code);
                (0x0D, b)
            }
            Packet::PingResp => (0x17, vec![]),
            Packet::Disconnect => (0x18, vec![]),
            _ => unreachable!("gateway never sends {self:?}"),
        };
        let mut out = vec![(body.len() + 2) as u8, kind];
        out.extend(body);
        out
    }
}
