//! Drop-copy receiver: fixed 48-byte little-endian fill records, one or more
//! per datagram. Runs on the main thread and publishes into the ring.

use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use disruptor::Producer;

use crate::Fill;

const RECORD_LEN: usize = 48;

fn parse(rec: &[u8]) -> Fill {
    let u64_at = |o: usize| u64::from_le_bytes(rec[o..o + 8].try_into().unwrap());
    let mut symbol = [0u8; 8];
    symbol.copy_from_slice(&rec[4..12]);
    Fill {
        account: u32::from_le_bytes(rec[0..4].try_into().unwrap()),
        symbol,
        qty: u64_at(12) as i64,
        price_nanos: u64_at(20) as i64,
        exec_ts_ns: u64_at(28),
        exec_id: u64_at(36),
    }
}

pub fn run<P: Producer<Fill>>(group: &str, producer: &mut P, running: &AtomicBool) -> std::io::Result<()> {
    let addr: SocketAddrV4 = group
        .parse()
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let socket = UdpSocket::bind(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, addr.port()))?;
    socket.join_multicast_v4(addr.ip(), &Ipv4Addr::UNSPECIFIED)?;
    socket.set_read_timeout(Some(Duration::from_millis(250)))?;
    log::info!("joined drop-copy group {addr}");

    let mut buf = [0u8; 9000];
    while running.load(Ordering::Relaxed) {
        let len = match socket.recv(&mut buf) {
            Ok(n) => n,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => continue,
            Err(e) => return Err(e),
        };
        for rec in buf[..len].chunks_exact(RECORD_LEN) {
            let fill = parse(rec);
            producer.publish(|slot| *slot = fill);
        }
    }
    Ok(())
}
