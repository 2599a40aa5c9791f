//! Polls qBittorrent's incremental /api/v2/sync/maindata endpoint every two
//! seconds and mirrors torrent state into Postgres for the media dashboard.

use std::time::Duration;

mod db;
mod qbit;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::connect().await?;
    let mut webui = qbit::WebUi::new(
        std::env::var("QBIT_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into()),
        std::env::var("QBIT_USER").unwrap_or_else(|_| "admin".into()),
        std::env::var("QBIT_PASS")?,
    )?;

    let mut tick = tokio::time::interval(Duration::from_secs(2));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);

    loop {
        tick.tick().await;
        let delta = match webui.maindata().await {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!(error = %e, "maindata poll failed");
                continue;
            }
        };
        for (hash, fields) in &delta.torrents {
            if let Err(e) = db::apply_torrent_delta(&pool, hash, fields).await {
                tracing::warn!(%hash, error = %e, "could not store torrent delta");
            }
        }
        for hash in &delta.torrents_removed {
            if let Err(e) = db::mark_removed(&pool, hash).await {
                tracing::warn!(%hash, error = %e, "could not mark torrent removed");
            }
        }
    }
}
