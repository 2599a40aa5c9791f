//! Minimal Diameter (RFC 6733) message and AVP codec: just what Gy needs.
use bytes::{Buf, BufMut, BytesMut};

pub const CMD_CAPABILITIES_EXCHANGE: u32 = 257;
pub const CMD_CREDIT_CONTROL: u32 = 272;
pub const CMD_DEVICE_WATCHDOG: u32 = 280;
pub const FLAG_REQUEST: u8 = 0x80;

pub const AVP_SESSION_ID: u32 = 263;
pub const AVP_ORIGIN_HOST: u32 = 264;
pub const AVP_ORIGIN_REALM: u32 = 296;
pub const AVP_RESULT_CODE: u32 = 268;
pub const AVP_AUTH_APPLICATION_ID: u32 = 258;
pub const AVP_CC_REQUEST_TYPE: u32 = 416;
pub const AVP_CC_REQUEST_NUMBER: u32 = 415;
pub const AVP_SUBSCRIPTION_ID: u32 = 443;
pub const AVP_SUBSCRIPTION_ID_DATA: u32 = 444;
pub const AVP_USED_SERVICE_UNIT: u32 = 446;
pub const AVP_GRANTED_SERVICE_UNIT: u32 = 431;
pub const AVP_CC_TOTAL_OCTETS: u32 = 421;

#[derive(Debug, Clone)]
pub struct Avp {
    pub code: u32,
    pub flags: u8,
    pub data: Vec<u8>,
}

impl Avp {
    pub fn u32(code: u32, v: u32) -> Avp {
        Avp { code, flags: 0x40, data: v.to_be_bytes().to_vec() }
    }
    pub fn u64(code: u32, v: u64) -> Avp {
        Avp { code, flags: 0x40, data: v.to_be_bytes().to_vec() }
    }
    pub fn utf8(code: u32, v: &str) -> Avp {
        Avp { code, flags: 0x40, data: v.as_bytes().to_vec() }
    }
    pub fn grouped(code: u32, inner: &[Avp]) -> Avp {
        let mut buf = BytesMut::new();
        for a in inner {
            a.encode(&mut buf);
        }
        Avp { code, flags: 0x40, data: buf.to_vec() }
    }
    pub fn as_u32(&self) -> Option<u32> {
        Some(u32::from_be_bytes(self.data.get(..4)?.try_into().ok()?))
    }
    pub fn as_u64(&self) -> Option<u64> {
        Some(u64::from_be_bytes(self.data.get(..8)?.try_into().ok()?))
    }
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.data).ok()
    }
    pub fn children(&self) -> Vec<Avp> {
        decode_avps(&self.data)
    }

    fn encode(&self, out: &mut BytesMut) {
        let len = 8 + self.data.len();
        out.put_u32(self.code);
        out.put_u8(self.flags);
        out.put_uint(len as u64, 3);
        out.put_slice(&self.data);
        out.put_bytes(0, (4 - len % 4) % 4);
    }
}

pub fn decode_avps(mut buf: &[u8]) -> Vec<Avp> {
    let mut avps = Vec::new();
    while buf.len() >= 8 {
        let code = buf.get_u32();
        let flags = buf.get_u8();
        let len = buf.get_uint(3) as usize;
        let mut header = 8;
        if flags & 0x80 != 0 {
            buf.advance(4); // Vendor-Id
            header = 12;
        }
        let data_len = len.saturating_sub(header).min(buf.len());
        avps.push(Avp { code, flags, data: buf[..data_len].to_vec() });
        let padded = (data_len + 3) & !3;
        buf.advance(padded.min(buf.len()));
    }
    avps
}

#[derive(Debug)]
pub struct Message {
    pub flags: u8,
    pub command: u32,
    pub app_id: u32,
    pub hop_by_hop: u32,
    pub end_to_end: u32,
    pub avps: Vec<Avp>,
}

impl Message {
    /// Parses one message if `buf` holds a complete one, consuming it.
    pub fn parse(buf: &mut BytesMut) -> Option<Message> {
        if buf.len() < 20 {
            return None;
        }
        let len = u32::from_be_bytes([0, buf[1], buf[2], buf[3]]) as usize;
        if len < 20 {
            buf.clear(); // not Diameter; drop what we have
            return None;
        }
        if buf.len() < len {
            return None;
        }
        let mut msg = buf.split_to(len);
        msg.advance(4);
        let flags = msg.get_u8();
        let command = msg.get_uint(3) as u32;
        let app_id = msg.get_u32();
        let hop_by_hop = msg.get_u32();
        let end_to_end = msg.get_u32();
        Some(Message { flags, command, app_id, hop_by_hop, end_to_end, avps: decode_avps(&msg) })
    }

    pub fn avp(&self, code: u32) -> Option<&Avp> {
        self.avps.iter().find(|a| a.code == code)
    }

    pub fn answer(&self, avps: Vec<Avp>) -> BytesMut {
        let mut body = BytesMut::new();
        for a in &avps {
            a.encode(&mut body);
        }
        let mut out = BytesMut::with_capacity(20 + body.len());
        out.put_u8(1);
        out.put_uint((20 + body.len()) as u64, 3);
        out.put_u8(self.flags & !FLAG_REQUEST);
        out.put_uint(self.command as u64, 3);
        out.put_u32(self.app_id);
        out.put_u32(self.hop_by_hop);
        out.put_u32(self.end_to_end);
        out.extend_from_slice(&body);
        out
    }
}
