mod db;
mod stats;

use std::collections::HashMap;
use std::time::Duration;

use deadpool_postgres::Pool;
use rtp::packet::Packet;
use tokio::net::UdpSocket;
use tracing::{info, warn};
use webrtc_util::marshal::Unmarshal;

use stats::StreamStats;

const FLUSH_EVERY: Duration = Duration::from_secs(10);
const IDLE_AFTER: Duration = Duration::from_secs(30);

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let probe = std::env::var("PROBE_NAME").unwrap_or_else(|_| "sbc-fra-1".into());
    let pool = db::make_pool(&std::env::var("METRICS_DATABASE_URL")?).await?;
    let socket = UdpSocket::bind(std::env::var("MIRROR_ADDR").unwrap_or_else(|_| "0.0.0.0:40000".into())).await?;
    info!(addr = %socket.local_addr()?, "waiting for mirrored RTP");

    let mut streams: HashMap<u32, StreamStats> = HashMap::new();
    let mut ticker = tokio::time::interval(FLUSH_EVERY);
    let mut buf = vec![0u8; 2048];

    loop {
        tokio::select! {
            recv = socket.recv_from(&mut buf) => {
                let (n, from) = recv?;
                let mut datagram = &buf[..n];
                let packet = match Packet::unmarshal(&mut datagram) {
                    Ok(p) => p,
                    Err(_) => continue,
                };
                let h = &packet.header;
                streams
                    .entry(h.ssrc)
                    .or_insert_with(|| StreamStats::new(h.payload_type, from.to_string()))
                    .observe(h.sequence_number, h.timestamp);
            }
            _ = ticker.tick() => {
                if let Err(err) = flush(&pool, &probe, &mut streams).await {
                    warn!("flush failed, window dropped: {err:#}");
                }
            }
            _ = tokio::signal::ctrl_c() => {
                let _ = flush(&pool, &probe, &mut streams).await;
                pool.close();
                return Ok(());
            }
        }
    }
}

async fn flush(pool: &Pool, probe: &str, streams: &mut HashMap<u32, StreamStats>) -> anyhow::Result<()> {
    if streams.is_empty() {
        return Ok(());
    }
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let insert = tx
        .prepare_cached(
            "INSERT INTO rtp_quality (probe, ssrc, source, payload_type, expected, received, jitter_ms, window_end) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, now())",
        )
        .await?;
    for (ssrc, s) in streams.iter_mut() {
        let w = s.take_window();
        if w.received == 0 {
            continue;
        }
        tx.execute(
            &insert,
            &[
                &probe,
                &(*ssrc as i64),
                &s.source,
                &(w.payload_type as i16),
                &(w.expected as i64),
                &(w.received as i64),
                &w.jitter_ms,
            ],
        )
        .await?;
    }
    tx.commit().await?;
    streams.retain(|_, s| s.last_seen.elapsed() < IDLE_AFTER);
    Ok(())
}
