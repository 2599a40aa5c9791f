//! Outbox relay daemon (Type=notify unit): delivers order webhooks, reloads its tuning on SIGHUP.

use std::time::Duration;

use order_rpc::db;
use sd_notify::NotifyState;
use sqlx::PgPool;
use tokio::signal::unix::{signal, SignalKind};

struct Tuning {
    poll_every: Duration,
    batch: i64,
}

impl Tuning {
    fn load() -> Tuning {
        let secs = std::env::var("OUTBOX_POLL_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(2);
        let batch = std::env::var("OUTBOX_BATCH").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
        Tuning { poll_every: Duration::from_secs(secs), batch }
    }
}

async fn deliver_batch(pool: &PgPool, http: &reqwest::Client, batch: i64) -> anyhow::Result<usize> {
    let mut tx = pool.begin().await?;
    let rows: Vec<(i64, String, serde_json::Value)> = sqlx::query_as(
        "SELECT id, webhook_url, payload FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
    )
    .bind(batch)
    .fetch_all(&mut *tx)
    .await?;

    for (id, url, payload) in &rows {
        let ok = matches!(http.post(url).json(payload).send().await, Ok(r) if r.status().is_success());
        let sql = if ok {
            "UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = $1"
        } else {
            "UPDATE outbox SET attempts = attempts + 1 WHERE id = $1"
        };
        sqlx::query(sql).bind(id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(rows.len())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut attempt = 0;
    let pool = loop {
        match db::make_pool(4).await {
            Ok(pool) => break pool,
            Err(e) if attempt < 10 => {
                attempt += 1;
                tracing::warn!(attempt, error = %e, "database unavailable, retrying");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => return Err(e.into()),
        }
    };
    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;

    let mut tuning = Tuning::load();
    let mut tick = tokio::time::interval(tuning.poll_every);
    let mut watchdog = tokio::time::interval(Duration::from_secs(10));
    let mut hup = signal(SignalKind::hangup())?;
    let mut term = signal(SignalKind::terminate())?;
    sd_notify::notify(false, &[NotifyState::Ready])?;

    loop {
        tokio::select! {
            _ = tick.tick() => {
                match deliver_batch(&pool, &http, tuning.batch).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(n, "delivered"),
                    Err(e) => tracing::error!(error = %e, "outbox batch failed"),
                }
            }
            _ = watchdog.tick() => {
                let _ = sd_notify::notify(false, &[NotifyState::Watchdog]);
            }
            _ = hup.recv() => {
                let _ = sd_notify::notify(false, &[NotifyState::Reloading]);
                tuning = Tuning::load();
                tick = tokio::time::interval(tuning.poll_every);
                let _ = sd_notify::notify(false, &[NotifyState::Ready]);
                tracing::info!(every = ?tuning.poll_every, batch = tuning.batch, "reloaded tuning");
            }
            _ = term.recv() => break,
        }
    }

    let _ = sd_notify::notify(false, &[NotifyState::Stopping]);
    pool.close().await;
    Ok(())
}
