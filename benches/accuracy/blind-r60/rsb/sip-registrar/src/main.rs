mod cdr;
mod registrar;

use std::collections::HashMap;
use std::sync::Arc;

use anyhow::Context;
use deadpool_postgres::{Config, PoolConfig, Runtime};
use tokio::net::UdpSocket;
use tokio::sync::Mutex;
use tokio_postgres::NoTls;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("CDR_DATABASE_URL").context("CDR_DATABASE_URL")?);
    cfg.pool = Some(PoolConfig::new(16));
    let cdr_pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    let socket = Arc::new(UdpSocket::bind("0.0.0.0:5060").await?);
    let dialogs: Arc<Mutex<HashMap<String, cdr::Dialog>>> = Arc::default();
    tracing::info!("pbx-edge listening on udp/5060");

    let mut buf = vec![0u8; 65_535];
    loop {
        let (len, peer) = socket.recv_from(&mut buf).await?;
        let req = match rsip::SipMessage::try_from(&buf[..len]) {
            Ok(rsip::SipMessage::Request(req)) => req,
            Ok(rsip::SipMessage::Response(_)) => continue,
            Err(e) => {
                tracing::debug!(%peer, "dropping unparseable datagram: {e}");
                continue;
            }
        };

        let socket = socket.clone();
        let pool = cdr_pool.clone();
        let dialogs = dialogs.clone();
        tokio::spawn(async move {
            let outcome = match req.method {
                rsip::Method::Register => registrar::handle_register(&req, peer).await,
                rsip::Method::Invite => cdr::on_invite(&pool, &dialogs, &req).await,
                rsip::Method::Bye => cdr::on_bye(&dialogs, &req).await,
                rsip::Method::Options => Ok(registrar::reply(&req, 200)),
                _ => Ok(registrar::reply(&req, 405)),
            };
            match outcome {
                Ok(resp) => {
                    let _ = socket.send_to(resp.to_string().as_bytes(), peer).await;
                }
                Err(e) => tracing::warn!(%peer, method = %req.method, "request failed: {e:#}"),
            }
        });
    }
}
