mod alerts;
mod gelf;
mod logs;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::net::UdpSocket;
use tracing::{debug, info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut sink = logs::LogSink::connect()?;
    let mut bursts = alerts::BurstDetector::new(200)?;
    let mut chunks = gelf::Reassembler::default();

    let socket = UdpSocket::bind("0.0.0.0:12201").await?;
    info!("GELF UDP input on :12201");

    let mut buf = vec![0u8; 65_535];
    let mut sweep = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            recv = socket.recv_from(&mut buf) => {
                let (len, peer) = recv?;
                let Some(payload) = chunks.push(&buf[..len]) else { continue };
                let msg = match gelf::decode(&payload) {
                    Ok(m) => m,
                    Err(e) => {
                        debug!(%peer, "undecodable GELF datagram: {e}");
                        continue;
                    }
                };
                let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs_f64();
                if let Err(e) = sink.write(&msg, now).await {
                    warn!("clickhouse write failed: {e:#}");
                }
                if let Err(e) = bursts.observe(&msg, now).await {
                    warn!("burst flush failed: {e:#}");
                }
            }
            _ = sweep.tick() => chunks.expire(),
        }
    }
}
