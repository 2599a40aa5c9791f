mod sflow;

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::time::Duration;

use anyhow::Result;
use clickhouse::{Client, Row};
use serde::Serialize;
use tokio::net::UdpSocket;

#[derive(Row, Serialize)]
struct TalkerRow {
    window_start: u32,
    agent: String,
    src: String,
    dst: String,
    proto: u8,
    bytes: u64,
    packets: u64,
}

type Key = (Ipv4Addr, Ipv4Addr, Ipv4Addr, u8);

fn clickhouse_from_env() -> Result<Client> {
    Ok(Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL")?)
        .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "sflow".into()))
        .with_password(std::env::var("CLICKHOUSE_PASSWORD")?)
        .with_database("netflow"))
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let ch = clickhouse_from_env()?;
    let socket = UdpSocket::bind("0.0.0.0:6343").await?;
    let mut tick = tokio::time::interval(Duration::from_secs(10));
    let mut window: HashMap<Key, (u64, u64)> = HashMap::new();
    let mut buf = vec![0u8; 9_000];

    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {
                flush(&ch, &mut window).await?;
                return Ok(());
            }
            _ = tick.tick() => {
                if let Err(e) = flush(&ch, &mut window).await {
                    tracing::error!("flush failed, window dropped: {e:#}");
                }
            }
            recv = socket.recv_from(&mut buf) => {
                let (n, from) = recv?;
                let Some(flows) = sflow::decode(&buf[..n]) else {
                    tracing::debug!("undecodable datagram from {from}");
                    continue;
                };
                for f in flows {
                    let e = window.entry((f.agent, f.src, f.dst, f.proto)).or_default();
                    e.0 += f.bytes;
                    e.1 += f.packets;
                }
            }
        }
    }
}

/// One INSERT per 10 s window, over the HTTP connection pool inside the shared client.
async fn flush(ch: &Client, window: &mut HashMap<Key, (u64, u64)>) -> Result<()> {
    if window.is_empty() {
        return Ok(());
    }
    let window_start = (std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs() / 10 * 10) as u32;
    let mut insert = ch.insert("top_talkers")?;
    for ((agent, src, dst, proto), (bytes, packets)) in window.drain() {
        insert
            .write(&TalkerRow {
                window_start,
                agent: agent.to_string(),
                src: src.to_string(),
                dst: dst.to_string(),
                proto,
                bytes,
                packets,
            })
            .await?;
    }
    insert.end().await?;
    Ok(())
}
