//! Reads the `struct sockaddr` argument of an intercepted connect(2) out of
//! the sandboxed process's memory.
use std::fs::File;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::unix::fs::FileExt;

pub fn read_connect_target(pid: u32, addr_ptr: u64, addr_len: u64) -> Option<SocketAddr> {
    let len = (addr_len as usize).min(128);
    if len < 2 {
        return None;
    }
    let mem = File::open(format!("/proc/{pid}/mem")).ok()?;
    let mut buf = vec![0u8; len];
    mem.read_at(&mut buf, addr_ptr).ok()?;

    let family = u16::from_ne_bytes([buf[0], buf[1]]) as i32;
    match family {
        libc::AF_INET if len >= 8 => {
            let port = u16::from_be_bytes([buf[2], buf[3]]);
            let ip = Ipv4Addr::new(buf[4], buf[5], buf[6], buf[7]);
            Some(SocketAddr::new(IpAddr::V4(ip), port))
        }
        libc::AF_INET6 if len >= 24 => {
            let port = u16::from_be_bytes([buf[2], buf[3]]);
            let octets: [u8; 16] = buf[8..24].try_into().ok()?;
            Some(SocketAddr::new(IpAddr::V6(Ipv6Addr::from(octets)), port))
        }
        _ => None,
    }
}
