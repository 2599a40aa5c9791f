mod sink;

use std::env;
use std::net::Ipv4Addr;

use anyhow::Result;
use pcap::Capture;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use sink::{PgPool, Query, Sink};

const ETH_HDR: usize = 14;
const UDP_HDR: usize = 8;

fn parse(data: &[u8]) -> Option<Vec<Query>> {
    if data.len() < ETH_HDR + 20 + UDP_HDR {
        return None;
    }
    let ip = &data[ETH_HDR..];
    let ihl = ((ip[0] & 0x0F) as usize) * 4;
    let src = Ipv4Addr::new(ip[12], ip[13], ip[14], ip[15]);
    let payload = data.get(ETH_HDR + ihl + UDP_HDR..)?;
    let packet = dns_parser::Packet::parse(payload).ok()?;
    if packet.header.query {
        Some(
            packet
                .questions
                .iter()
                .map(|q| Query {
                    client_ip: src.to_string(),
                    qname: q.qname.to_string(),
                    qtype: format!("{:?}", q.qtype),
                })
                .collect(),
        )
    } else {
        None
    }
}

fn main() -> Result<()> {
    let iface = env::var("CAPTURE_IFACE").unwrap_or_else(|_| "eth0".into());
    let manager = PostgresConnectionManager::new(env::var("DATABASE_URL")?.parse()?, NoTls);
    let pool: PgPool = r2d2::Pool::builder().max_size(2).build(manager)?;
    let mut sink = Sink::new(&pool, 200)?;

    let mut cap = Capture::from_device(iface.as_str())?
        .promisc(false)
        .snaplen(1024)
        .immediate_mode(true)
        .open()?;
    cap.filter("udp dst port 53", true)?;

    loop {
        match cap.next_packet() {
            Ok(packet) => {
                if let Some(queries) = parse(packet.data) {
                    for q in queries {
                        if let Err(e) = sink.push(q) {
                            eprintln!("sink: {e:#}");
                        }
                    }
                }
            }
            Err(pcap::Error::TimeoutExpired) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}
