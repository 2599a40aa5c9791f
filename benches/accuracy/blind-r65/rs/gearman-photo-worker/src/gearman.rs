//! Gearman binary protocol, worker side: "\0REQ" / "\0RES" + type + size + NUL-separated args.

use std::io::{Read, Write};
use std::net::TcpStream;

use anyhow::{bail, Result};

pub const CAN_DO: u32 = 1;
pub const PRE_SLEEP: u32 = 4;
pub const NOOP: u32 = 6;
pub const NO_JOB: u32 = 10;
pub const WORK_COMPLETE: u32 = 13;
pub const WORK_FAIL: u32 = 14;
pub const SET_CLIENT_ID: u32 = 22;
pub const GRAB_JOB_UNIQ: u32 = 30;
pub const JOB_ASSIGN_UNIQ: u32 = 31;

pub struct Packet {
    pub kind: u32,
    pub data: Vec<u8>,
}

impl Packet {
    /// Split into at most `n` arguments; the last one keeps any embedded NULs (the workload).
    pub fn args(&self, n: usize) -> Vec<&[u8]> {
        self.data.splitn(n, |b| *b == 0).collect()
    }
}

pub struct Connection {
    stream: TcpStream,
}

impl Connection {
    pub fn connect(addr: &str) -> Result<Self> {
        let stream = TcpStream::connect(addr)?;
        stream.set_nodelay(true)?;
        Ok(Self { stream })
    }

    pub fn send(&mut self, kind: u32, args: &[&[u8]]) -> Result<()> {
        let data = args.join(&0u8);
        let mut out = Vec::with_capacity(12 + data.len());
        out.extend_from_slice(b"\0REQ");
        out.extend_from_slice(&kind.to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(&data);
        self.stream.write_all(&out)?;
        Ok(())
    }

    pub fn recv(&mut self) -> Result<Packet> {
        let mut hdr = [0u8; 12];
        self.stream.read_exact(&mut hdr)?;
        if &hdr[0..4] != b"\0RES" {
            bail!("bad magic from gearmand");
        }
        let kind = u32::from_be_bytes([hdr[4], hdr[5], hdr[6], hdr[7]]);
        let size = u32::from_be_bytes([hdr[8], hdr[9], hdr[10], hdr[11]]) as usize;
        let mut data = vec![0u8; size];
        self.stream.read_exact(&mut data)?;
        Ok(Packet { kind, data })
    }
}
