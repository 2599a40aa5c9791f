mod actors;
mod db;

use std::time::Duration;

use actors::{Ledger, Post, Reconcile, Reconciler};
use xtra::Mailbox;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::connect(&std::env::var("DATABASE_URL")?).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()?;

    let ledger = xtra::spawn_tokio(Ledger { pool: pool.clone() }, Mailbox::bounded(256));
    let reconciler = xtra::spawn_tokio(
        Reconciler { pool: pool.clone(), http, bank_url: std::env::var("BANK_API_URL")? },
        Mailbox::unbounded(),
    );

    let mut outbox_tick = tokio::time::interval(Duration::from_secs(2));
    let mut recon_tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tokio::select! {
            _ = outbox_tick.tick() => {
                let pending: Vec<(i64, String, i64)> = sqlx::query_as(
                    "SELECT id, account, cents FROM outbox WHERE posted_at IS NULL ORDER BY id LIMIT 100",
                )
                .fetch_all(&pool)
                .await?;
                for (outbox_id, account, cents) in pending {
                    if let Err(e) = ledger.send(Post { outbox_id, account, cents }).await? {
                        tracing::error!(outbox_id, "posting failed: {e}");
                    }
                }
            }
            _ = recon_tick.tick() => {
                match reconciler.send(Reconcile).await? {
                    Ok(n) => tracing::info!(mismatches = n, "reconciliation done"),
                    Err(e) => tracing::error!("reconciliation failed: {e}"),
                }
            }
        }
    }
}
