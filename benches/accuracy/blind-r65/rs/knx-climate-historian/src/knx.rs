//! KNXnet/IP ROUTING_INDICATION (0x0530) carrying a cEMI L_Data.ind frame.

pub struct Telegram {
    pub source: u16,
    pub destination: u16,
    pub group: bool,
    pub apci: u16,
    pub data: Vec<u8>,
}

const APCI_GROUP_VALUE_WRITE: u16 = 0x080;

impl Telegram {
    pub fn is_group_write(&self) -> bool {
        self.group && self.apci == APCI_GROUP_VALUE_WRITE
    }
}

pub fn parse_routing_indication(b: &[u8]) -> Option<Telegram> {
    if b.len() < 6 || b[0] != 0x06 || b[1] != 0x10 {
        return None;
    }
    let service = u16::from_be_bytes([b[2], b[3]]);
    let total = u16::from_be_bytes([b[4], b[5]]) as usize;
    if service != 0x0530 || total != b.len() {
        return None;
    }
    let cemi = &b[6..];
    if cemi.len() < 2 || cemi[0] != 0x29 {
        return None; // only L_Data.ind
    }
    let f = cemi.get(2 + cemi[1] as usize..)?; // skip additional info
    if f.len() < 8 {
        return None;
    }
    let ctrl2 = f[1];
    let source = u16::from_be_bytes([f[2], f[3]]);
    let destination = u16::from_be_bytes([f[4], f[5]]);
    let npdu_len = f[6] as usize;
    let tpdu = f.get(7..8 + npdu_len)?;
    if tpdu.len() < 2 {
        return None;
    }
    let apci = (((tpdu[0] & 0x03) as u16) << 8) | (tpdu[1] & 0xC0) as u16;
    let data = if npdu_len == 1 { vec![tpdu[1] & 0x3F] } else { tpdu[2..].to_vec() };
    Some(Telegram { source, destination, group: ctrl2 & 0x80 != 0, apci, data })
}

/// DPT 9.xxx two-octet float: MEEEEMMM MMMMMMMM, value = 0.01 * M * 2^E.
pub fn decode_dpt9(data: &[u8]) -> Option<f64> {
    if data.len() != 2 {
        return None;
    }
    let raw = u16::from_be_bytes([data[0], data[1]]);
    if raw == 0x7FFF {
        return None; // "invalid data"
    }
    let exp = ((raw >> 11) & 0x0F) as i32;
    let mut mant = (raw & 0x07FF) as i32;
    if raw & 0x8000 != 0 {
        mant -= 2048;
    }
    Some(0.01 * mant as f64 * 2f64.powi(exp))
}

pub fn parse_group_address(s: &str) -> Option<u16> {
    let parts: Vec<u16> = s.split('/').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    match parts.as_slice() {
        [main, middle, sub] if *main < 32 && *middle < 8 && *sub < 256 => Some((main << 11) | (middle << 8) | sub),
        _ => None,
    }
}

pub fn format_group_address(ga: u16) -> String {
    format!("{}/{}/{}", (ga >> 11) & 0x1F, (ga >> 8) & 0x07, ga & 0xFF)
}
