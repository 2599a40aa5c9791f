//! TACACS+ packet header, body obfuscation (MD5 pseudo-pad) and authorization bodies.

use anyhow::{bail, Context, Result};
use md5::{Digest, Md5};
use tokio::io::{AsyncRead, AsyncReadExt};

pub const TYPE_AUTHOR: u8 = 0x02;
pub const FLAG_UNENCRYPTED: u8 = 0x01;
pub const AUTHOR_PASS_ADD: u8 = 0x01;
pub const AUTHOR_FAIL: u8 = 0x10;
pub const AUTHOR_ERROR: u8 = 0x11;

pub struct Header {
    pub version: u8,
    pub kind: u8,
    pub seq_no: u8,
    pub flags: u8,
    pub session_id: u32,
    pub length: u32,
}

impl Header {
    pub async fn read<R: AsyncRead + Unpin>(rd: &mut R) -> Result<Option<Header>> {
        let mut h = [0u8; 12];
        match rd.read_exact(&mut h).await {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
            Err(e) => return Err(e.into()),
        }
        if h[0] >> 4 != 0xc {
            bail!("not a TACACS+ packet");
        }
        Ok(Some(Header {
            version: h[0],
            kind: h[1],
            seq_no: h[2],
            flags: h[3],
            session_id: u32::from_be_bytes([h[4], h[5], h[6], h[7]]),
            length: u32::from_be_bytes([h[8], h[9], h[10], h[11]]),
        }))
    }

    pub fn encode(&self) -> [u8; 12] {
        let mut h = [0u8; 12];
        h[0] = self.version;
        h[1] = self.kind;
        h[2] = self.seq_no;
        h[3] = self.flags;
        h[4..8].copy_from_slice(&self.session_id.to_be_bytes());
        h[8..12].copy_from_slice(&self.length.to_be_bytes());
        h
    }
}

/// XOR with MD5{session_id, key, version, seq_no [, previous hash]} blocks; symmetric.
pub fn obfuscate(hdr: &Header, key: &[u8], body: &mut [u8]) {
    if hdr.flags & FLAG_UNENCRYPTED != 0 {
        return;
    }
    let mut prev: Vec<u8> = Vec::new();
    for chunk in body.chunks_mut(16) {
        let mut md5 = Md5::new();
        md5.update(hdr.session_id.to_be_bytes());
        md5.update(key);
        md5.update([hdr.version, hdr.seq_no]);
        md5.update(&prev);
        prev = md5.finalize().to_vec();
        for (b, p) in chunk.iter_mut().zip(&prev) {
            *b ^= p;
        }
    }
}

pub struct AuthorRequest {
    pub priv_lvl: u8,
    pub user: String,
    pub rem_addr: String,
    pub args: Vec<String>,
}

pub fn parse_author_request(b: &[u8]) -> Result<AuthorRequest> {
    let fixed = b.get(..8).context("short authorization request")?;
    let (priv_lvl, user_len, port_len, rem_len, arg_cnt) =
        (fixed[1], fixed[4] as usize, fixed[5] as usize, fixed[6] as usize, fixed[7] as usize);
    let lens = b.get(8..8 + arg_cnt).context("short arg lengths")?;
    let mut pos = 8 + arg_cnt;
    let mut take = |n: usize| -> Result<String> {
        let s = b.get(pos..pos + n).context("truncated field")?;
        pos += n;
        Ok(String::from_utf8_lossy(s).into_owned())
    };
    let user = take(user_len)?;
    let _port = take(port_len)?;
    let rem_addr = take(rem_len)?;
    let args = lens.iter().map(|&l| take(l as usize)).collect::<Result<Vec<_>>>()?;
    Ok(AuthorRequest { priv_lvl, user, rem_addr, args })
}

pub fn author_response(status: u8, server_msg: &str) -> Vec<u8> {
    let mut b = vec![status, 0]; // no AV pairs returned
    b.extend_from_slice(&(server_msg.len() as u16).to_be_bytes());
    b.extend_from_slice(&0u16.to_be_bytes()); // data_len
    b.extend_from_slice(server_msg.as_bytes());
    b
}
