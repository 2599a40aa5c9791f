use std::time::Duration;

use serde_json::Value;
use sqlx::PgPool;
use tokio::signal::unix::{signal, SignalKind};
use tracing::{info, warn};
use warehouse::db;

fn webhook_url() -> anyhow::Result<String> {
    Ok(std::env::var("STOCK_WEBHOOK_URL")?)
}

/// Ships one batch of outbox rows; rows stay locked (SKIP LOCKED) until commit.
async fn relay_batch(pool: &PgPool, http: &reqwest::Client, url: &str) -> anyhow::Result<usize> {
    let mut tx = pool.begin().await?;
    let rows: Vec<(i64, String, Value)> = sqlx::query_as(
        "SELECT id, topic, payload FROM outbox WHERE sent_at IS NULL \
         ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED",
    )
    .fetch_all(&mut *tx)
    .await?;

    for (id, topic, payload) in &rows {
        http.post(url)
            .header("X-Event-Topic", topic)
            .json(payload)
            .send()
            .await?
            .error_for_status()?;
        sqlx::query("UPDATE outbox SET sent_at = now() WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rows.len())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pool = db::make_pool("warehouse-relay", 3).await?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;
    let mut url = webhook_url()?;

    let mut tick = tokio::time::interval(Duration::from_secs(2));
    let mut term = signal(SignalKind::terminate())?;
    let mut hup = signal(SignalKind::hangup())?;
    info!("outbox relay started");

    loop {
        tokio::select! {
            _ = term.recv() => break,
            _ = hup.recv() => {
                // Only the target URL is reloaded; pool and client are kept.
                url = webhook_url()?;
                info!(%url, "reloaded webhook target");
            }
            _ = tick.tick() => {
                match relay_batch(&pool, &http, &url).await {
                    Ok(0) => {}
                    Ok(n) => info!(n, "relayed outbox events"),
                    Err(e) => warn!("relay batch failed: {e:#}"),
                }
            }
        }
    }

    pool.close().await;
    Ok(())
}
