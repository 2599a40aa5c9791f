//! Runs on the tailnet "inventory" node next to tailscaled. Every netmap change (a node
//! joining, going offline, being re-tagged) arrives as one JSON line on the IPN bus.

mod db;
mod localapi;
mod sync;

use std::time::Duration;

use anyhow::{Context, Result};

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("ASSETS_DATABASE_URL").context("ASSETS_DATABASE_URL")?;
    let socket = std::env::var("TAILSCALED_SOCKET")
        .unwrap_or_else(|_| "/var/run/tailscale/tailscaled.sock".into());
    let webhook = std::env::var("NEW_NODE_WEBHOOK").ok();

    let pool = db::connect_with_retry(&database_url).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    let syncer = sync::Syncer::new(pool.clone(), http, webhook);

    let mut backoff = Duration::from_secs(1);
    loop {
        let watched = tokio::select! {
            res = localapi::watch(&socket, |netmap| syncer.apply(netmap)) => res,
            _ = tokio::signal::ctrl_c() => break,
        };
        match watched {
            Ok(()) => backoff = Duration::from_secs(1),
            Err(err) => tracing::warn!(error = %err, "IPN bus watch ended"),
        }
        // tailscaled restarted or the stream dropped: reconnect to the socket
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }

    pool.close().await;
    Ok(())
}
