//! Just enough of RFC 7011 to decode the templates our routers export.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

#[derive(Clone, Debug)]
pub struct Field {
    pub ie: u16,
    pub enterprise: Option<u32>,
    pub len: u16,
}

#[derive(Clone, Debug)]
pub struct Template {
    pub id: u16,
    pub fields: Vec<Field>,
}

#[derive(Debug, Default, Clone)]
pub struct FlowRecord {
    pub exporter: Option<IpAddr>,
    pub src: Option<IpAddr>,
    pub dst: Option<IpAddr>,
    pub src_port: u16,
    pub dst_port: u16,
    pub proto: u8,
    pub octets: u64,
    pub packets: u64,
    pub start_ms: u64,
    pub end_ms: u64,
}

pub struct Message<'a> {
    pub domain: u32,
    pub sets: Vec<(u16, &'a [u8])>,
}

pub fn parse_message(buf: &[u8]) -> anyhow::Result<Message<'_>> {
    anyhow::ensure!(buf.len() >= 16, "short header");
    anyhow::ensure!(be16(buf, 0) == 10, "not IPFIX (version {})", be16(buf, 0));
    let total = (be16(buf, 2) as usize).min(buf.len());
    let domain = be32(buf, 12);
    let mut sets = Vec::new();
    let mut off = 16;
    while off + 4 <= total {
        let id = be16(buf, off);
        let len = be16(buf, off + 2) as usize;
        anyhow::ensure!(len >= 4 && off + len <= total, "bad set length");
        sets.push((id, &buf[off + 4..off + len]));
        off += len;
    }
    Ok(Message { domain, sets })
}

pub fn parse_templates(body: &[u8]) -> Vec<Template> {
    let mut out = Vec::new();
    let mut off = 0;
    while off + 4 <= body.len() {
        let id = be16(body, off);
        let count = be16(body, off + 2) as usize;
        off += 4;
        let mut fields = Vec::with_capacity(count);
        for _ in 0..count {
            if off + 4 > body.len() {
                return out;
            }
            let raw = be16(body, off);
            let len = be16(body, off + 2);
            off += 4;
            let enterprise = if raw & 0x8000 != 0 {
                let pen = be32(body, off);
                off += 4;
                Some(pen)
            } else {
                None
            };
            fields.push(Field { ie: raw & 0x7fff, enterprise, len });
        }
        out.push(Template { id, fields });
    }
    out
}

pub fn decode_records(tpl: &Template, body: &[u8], exporter: SocketAddr) -> Vec<FlowRecord> {
    let mut out = Vec::new();
    let mut off = 0;
    'records: while off < body.len() {
        let mut rec = FlowRecord { exporter: Some(exporter.ip()), ..Default::default() };
        for f in &tpl.fields {
            let len = if f.len == 0xffff {
                // variable length encoding
                let Some(&first) = body.get(off) else { break 'records };
                off += 1;
                if first == 255 {
                    let l = be16(body, off) as usize;
                    off += 2;
                    l
                } else {
                    first as usize
                }
            } else {
                f.len as usize
            };
            let Some(v) = body.get(off..off + len) else { break 'records };
            off += len;
            if f.enterprise.is_some() {
                continue;
            }
            match f.ie {
                1 => rec.octets = uint(v),
                2 => rec.packets = uint(v),
                4 => rec.proto = uint(v) as u8,
                7 => rec.src_port = uint(v) as u16,
                11 => rec.dst_port = uint(v) as u16,
                8 if len == 4 => rec.src = Some(IpAddr::V4(Ipv4Addr::new(v[0], v[1], v[2], v[3]))),
                12 if len == 4 => rec.dst = Some(IpAddr::V4(Ipv4Addr::new(v[0], v[1], v[2], v[3]))),
                27 if len == 16 => rec.src = Some(IpAddr::V6(Ipv6Addr::from(<[u8; 16]>::try_from(v).unwrap()))),
                28 if len == 16 => rec.dst = Some(IpAddr::V6(Ipv6Addr::from(<[u8; 16]>::try_from(v).unwrap()))),
                152 => rec.start_ms = uint(v),
                153 => rec.end_ms = uint(v),
                _ => {}
            }
        }
        out.push(rec);
        // Padding at the end of a set is shorter than any record.
        if body.len() - off < 4 {
            break;
        }
    }
    out
}

fn uint(v: &[u8]) -> u64 {
    v.iter().fold(0u64, |acc, b| (acc << 8) | *b as u64)
}
fn be16(b: &[u8], o: usize) -> u16 {
    u16::from_be_bytes([b[o], b[o + 1]])
}
fn be32(b: &[u8], o: usize) -> u32 {
    u32::from_be_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}
