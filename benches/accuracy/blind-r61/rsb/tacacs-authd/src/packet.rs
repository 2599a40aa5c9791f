//! TACACS+ header and body obfuscation (RFC 8907 section 4.5).

use md5::{Digest, Md5};

pub const AUTHEN: u8 = 0x01;
pub const ACCT: u8 = 0x03;
const FLAG_SINGLE_CONNECT: u8 = 0x04;

#[derive(Clone, Copy)]
pub struct Header {
    pub version: u8,
    pub kind: u8,
    pub seq_no: u8,
    pub flags: u8,
    pub session_id: u32,
    pub length: u32,
}

impl Header {
    pub fn parse(b: &[u8; 12]) -> anyhow::Result<Header> {
        anyhow::ensure!(b[0] >> 4 == 0xc, "not TACACS+ (major version {})", b[0] >> 4);
        Ok(Header {
            version: b[0],
            kind: b[1],
            seq_no: b[2],
            flags: b[3],
            session_id: u32::from_be_bytes([b[4], b[5], b[6], b[7]]),
            length: u32::from_be_bytes([b[8], b[9], b[10], b[11]]),
        })
    }

    pub fn reply(&self, length: u32) -> Header {
        Header { seq_no: self.seq_no.wrapping_add(1), length, ..*self }
    }

    pub fn single_connect(&self) -> bool {
        self.flags & FLAG_SINGLE_CONNECT != 0
    }

    pub fn to_bytes(&self) -> [u8; 12] {
        let mut b = [0u8; 12];
        b[0] = self.version;
        b[1] = self.kind;
        b[2] = self.seq_no;
        b[3] = self.flags;
        b[4..8].copy_from_slice(&self.session_id.to_be_bytes());
        b[8..12].copy_from_slice(&self.length.to_be_bytes());
        b
    }
}

/// XORs the body with the MD5 pseudo-pad; the same call de- and re-obfuscates.
pub fn crypt(h: &Header, key: &[u8], body: &mut [u8]) {
    let mut prev: Option<[u8; 16]> = None;
    for chunk in body.chunks_mut(16) {
        let mut md5 = Md5::new();
        md5.update(h.session_id.to_be_bytes());
        md5.update(key);
        md5.update([h.version, h.seq_no]);
        if let Some(p) = prev {
            md5.update(p);
        }
        let pad: [u8; 16] = md5.finalize().into();
        for (b, p) in chunk.iter_mut().zip(pad.iter()) {
            *b ^= p;
        }
        prev = Some(pad);
    }
}
