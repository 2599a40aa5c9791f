//! Sits next to WSJT-X / JTDX on the shack PC. WSJT-X sends a UDP datagram for
//! every decode (dozens per 15 s FT8 cycle) and one per logged QSO.

mod logbook;
mod spots;
mod wire;

use std::env;

use anyhow::Result;
use tokio::net::UdpSocket;
use tracing_subscriber::EnvFilter;
use wire::Message;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let bind = env::var("WSJTX_UDP").unwrap_or_else(|_| "0.0.0.0:2237".into());
    let db_url = env::var("SPOTS_DATABASE_URL")?;
    let qrz_key = env::var("QRZ_LOGBOOK_KEY")?;
    let station = env::var("STATION_CALL")?;

    let sock = UdpSocket::bind(&bind).await?;
    tracing::info!("listening for WSJT-X on {bind}");
    let mut buf = vec![0u8; 4096];

    loop {
        tokio::select! {
            r = sock.recv_from(&mut buf) => {
                let (n, peer) = r?;
                let msg = match wire::parse(&buf[..n]) {
                    Ok(m) => m,
                    Err(e) => {
                        tracing::debug!(%peer, "ignoring datagram: {e}");
                        continue;
                    }
                };
                match msg {
                    Message::Heartbeat { id } => tracing::debug!(%peer, "heartbeat from {id}"),
                    Message::Decode(d) if d.is_new => {
                        let (url, st) = (db_url.clone(), station.clone());
                        tokio::spawn(async move {
                            if let Err(e) = spots::record(url, st, d).await {
                                tracing::warn!("spot not recorded: {e:#}");
                            }
                        });
                    }
                    Message::QsoLogged(q) => {
                        let key = qrz_key.clone();
                        tokio::spawn(async move {
                            match logbook::upload(&key, &q).await {
                                Ok(()) => tracing::info!("QSO with {} uploaded", q.dx_call),
                                Err(e) => tracing::error!("QSO upload failed: {e:#}"),
                            }
                        });
                    }
                    Message::Close { id } => tracing::info!("{id} closed"),
                    _ => {}
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}
