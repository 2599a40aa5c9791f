mod alerts;
mod asn;

use std::net::SocketAddr;

use clickhouse::Row;
use netflow_parser::{NetflowPacket, NetflowParser};
use serde::Serialize;
use tokio::net::UdpSocket;

#[derive(Debug, Row, Serialize)]
pub struct FlowRow {
    pub exporter: String,
    pub src: String,
    pub dst: String,
    pub src_port: u16,
    pub dst_port: u16,
    pub proto: u8,
    pub packets: u32,
    pub bytes: u32,
    pub src_asn: u32,
    pub dst_asn: u32,
}

async fn store(rows: Vec<FlowRow>) -> clickhouse::error::Result<()> {
    let ch = clickhouse::Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into()))
        .with_user("flowsink")
        .with_database("netflow");
    let mut insert = ch.insert::<FlowRow>("flows")?;
    for row in &rows {
        insert.write(row).await?;
    }
    insert.end().await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let database_url = std::env::var("DATABASE_URL")?;
    let asns = asn::AsnDirectory::load(&database_url).await?;
    let alerts = alerts::AlertSink::connect(&database_url).await?;

    let socket = UdpSocket::bind("0.0.0.0:2055").await?;
    let mut parser = NetflowParser::default();
    let mut buf = vec![0u8; 65_535];

    loop {
        let (len, exporter): (usize, SocketAddr) = socket.recv_from(&mut buf).await?;
        let mut rows = Vec::new();
        for packet in parser.parse_bytes(&buf[..len]) {
            match packet {
                NetflowPacket::V5(v5) => {
                    for f in v5.flowsets {
                        rows.push(FlowRow {
                            exporter: exporter.ip().to_string(),
                            src: f.src_addr.to_string(),
                            dst: f.dst_addr.to_string(),
                            src_port: f.src_port,
                            dst_port: f.dst_port,
                            proto: f.protocol_number,
                            packets: f.d_pkts,
                            bytes: f.d_octets,
                            src_asn: asns.lookup(f.src_addr).await,
                            dst_asn: asns.lookup(f.dst_addr).await,
                        });
                    }
                }
                NetflowPacket::Error(err) => eprintln!("bad datagram from {exporter}: {err:?}"),
                _ => {} // v9 / IPFIX exporters are not deployed yet
            }
        }
        if rows.is_empty() {
            continue;
        }
        if let Err(err) = alerts.check(exporter, &rows).await {
            eprintln!("alert check failed: {err}");
        }
        if let Err(err) = store(rows).await {
            eprintln!("clickhouse insert failed ({len} bytes from {exporter}): {err}");
        }
    }
}
