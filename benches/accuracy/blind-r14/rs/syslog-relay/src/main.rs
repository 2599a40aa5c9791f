mod batcher;
mod sinks;

use std::time::{SystemTime, UNIX_EPOCH};

use futures::StreamExt;
use tokio::net::UdpSocket;

use crate::batcher::{Batcher, LogRow};

/// "<PRI>tenant host message" (RFC3164-ish, tenant injected by the edge forwarder).
fn parse(line: &str) -> Option<(String, LogRow)> {
    let rest = line.strip_prefix('<')?;
    let (pri, rest) = rest.split_once('>')?;
    let mut parts = rest.splitn(3, ' ');
    let tenant = parts.next()?.to_string();
    let host = parts.next()?.to_string();
    let message = parts.next().unwrap_or_default().to_string();
    let severity = pri.parse::<u16>().ok()? as u8 & 0x07;
    let received_ms = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_millis() as u64;
    Some((tenant, LogRow { received_ms, host, severity, message }))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ch = sinks::clickhouse_client();
    let redis = sinks::redis_with_retry().await?;
    let mut batcher = Batcher::new(ch, redis);

    let socket = UdpSocket::bind("0.0.0.0:5514").await?;
    let mut buf = vec![0u8; 64 * 1024];

    loop {
        tokio::select! {
            recv = socket.recv_from(&mut buf) => {
                let (len, peer) = recv?;
                match std::str::from_utf8(&buf[..len]).ok().and_then(parse) {
                    Some((tenant, row)) => batcher.push(tenant, row),
                    None => tracing::debug!(%peer, "unparseable datagram"),
                }
            }
            Some(expired) = batcher.timers.next() => {
                let tenant = expired.into_inner();
                batcher.flush(&tenant);
            }
        }
    }
}
