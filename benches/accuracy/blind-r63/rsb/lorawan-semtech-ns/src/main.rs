mod semtech;
mod uplink;

use std::sync::Arc;

use anyhow::Result;
use tokio::net::UdpSocket;

use semtech::{PushData, PULL_ACK, PULL_DATA, PUSH_ACK, PUSH_DATA};

pub struct Config {
    pub database_url: String,
    pub app_webhook: String,
    pub app_token: String,
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let cfg = Arc::new(Config {
        database_url: std::env::var("DATABASE_URL")?,
        app_webhook: std::env::var("APP_WEBHOOK_URL")?,
        app_token: std::env::var("APP_WEBHOOK_TOKEN")?,
    });

    let socket = UdpSocket::bind("0.0.0.0:1700").await?;
    tracing::info!("listening for packet forwarders on udp/1700");
    let mut buf = vec![0u8; 65_535];

    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            res = socket.recv_from(&mut buf) => {
                let (n, peer) = res?;
                let dg = match semtech::parse(&buf[..n]) {
                    Ok(dg) => dg,
                    Err(e) => { tracing::debug!("drop datagram from {peer}: {e}"); continue; }
                };
                match dg.ident {
                    PULL_DATA => { socket.send_to(&semtech::ack(dg.token, PULL_ACK), peer).await?; }
                    PUSH_DATA => {
                        socket.send_to(&semtech::ack(dg.token, PUSH_ACK), peer).await?;
                        let gateway = hex::encode(dg.gateway_eui.unwrap_or_default());
                        let push: PushData = match serde_json::from_slice(dg.body) {
                            Ok(p) => p,
                            Err(e) => { tracing::warn!("bad PUSH_DATA json from {gateway}: {e}"); continue; }
                        };
                        if push.rxpk.is_empty() { continue; } // stat-only keepalive
                        let cfg = cfg.clone();
                        tokio::spawn(async move {
                            if let Err(e) = uplink::handle_push(&cfg, gateway, push.rxpk).await {
                                tracing::error!("uplink handling failed: {e:#}");
                            }
                        });
                    }
                    other => tracing::debug!("ignoring ident {other:#04x}"),
                }
            }
        }
    }
    Ok(())
}
