//! sFlow v5 datagrams (XDR, big-endian). Only flow samples with raw Ethernet/IPv4 headers are decoded.
use std::net::Ipv4Addr;

pub struct Flow {
    pub agent: Ipv4Addr,
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub proto: u8,
    pub bytes: u64,   // frame length scaled by the sampling rate
    pub packets: u64, // = sampling rate
}

struct Xdr<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Xdr<'a> {
    fn u32(&mut self) -> Option<u32> {
        let v = self.b.get(self.pos..self.pos + 4)?;
        self.pos += 4;
        Some(u32::from_be_bytes([v[0], v[1], v[2], v[3]]))
    }
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let v = self.b.get(self.pos..self.pos + n)?;
        self.pos += (n + 3) & !3; // XDR opaque data is padded to 4 bytes
        Some(v)
    }
}

pub fn decode(datagram: &[u8]) -> Option<Vec<Flow>> {
    let mut x = Xdr { b: datagram, pos: 0 };
    if x.u32()? != 5 || x.u32()? != 1 {
        return None; // only v5 with an IPv4 agent address
    }
    let a = x.bytes(4)?;
    let agent = Ipv4Addr::new(a[0], a[1], a[2], a[3]);
    let (_sub_agent, _seq, _uptime) = (x.u32()?, x.u32()?, x.u32()?);
    let samples = x.u32()?;

    let mut flows = Vec::new();
    for _ in 0..samples {
        let format = x.u32()?;
        let len = x.u32()? as usize;
        let body = x.bytes(len)?;
        if format != 1 {
            continue; // counter samples and expanded flow samples are ignored
        }
        let mut s = Xdr { b: body, pos: 0 };
        let (_seq, _src_id, rate, _pool, _drops, _in, _out) =
            (s.u32()?, s.u32()?, s.u32()?, s.u32()?, s.u32()?, s.u32()?, s.u32()?);
        for _ in 0..s.u32()? {
            let rec_format = s.u32()?;
            let rec_len = s.u32()? as usize;
            let rec = s.bytes(rec_len)?;
            if rec_format != 1 {
                continue;
            }
            let mut r = Xdr { b: rec, pos: 0 };
            let (proto, frame_len, _stripped) = (r.u32()?, r.u32()?, r.u32()?);
            let hdr_len = r.u32()? as usize;
            let hdr = r.bytes(hdr_len)?;
            // header protocol 1 = Ethernet; IPv4 ethertype 0x0800
            if proto != 1 || hdr.len() < 34 || hdr[12..14] != [0x08, 0x00] {
                continue;
            }
            let ip = &hdr[14..];
            flows.push(Flow {
                agent,
                src: Ipv4Addr::new(ip[12], ip[13], ip[14], ip[15]),
                dst: Ipv4Addr::new(ip[16], ip[17], ip[18], ip[19]),
                proto: ip[9],
                bytes: frame_len as u64 * rate as u64,
                packets: rate as u64,
            });
        }
    }
    Some(flows)
}
