//! Audit database. `connect` is called exactly once, from main.

use std::time::Duration;

use chrono::Utc;
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::ProcessStartTrace;

pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("AUDIT_DATABASE_URL")?;
    let mut delay = Duration::from_secs(1);
    // The agent starts at boot, often before the VPN is up.
    for attempt in 1..=8 {
        match PgPoolOptions::new()
            .max_connections(3)
            .acquire_timeout(Duration::from_secs(10))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(err) => {
                tracing::warn!(%err, attempt, "audit database unreachable");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(60));
            }
        }
    }
    anyhow::bail!("audit database unreachable after retries")
}

pub async fn record_start(pool: &PgPool, host: &str, ev: &ProcessStartTrace) -> sqlx::Result<()> {
    let mut conn = pool.acquire().await?;
    sqlx::query(
        "INSERT INTO process_starts (host, pid, ppid, image, session_id, started_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(host)
    .bind(ev.process_id as i64)
    .bind(ev.parent_process_id as i64)
    .bind(&ev.process_name)
    .bind(ev.session_id as i32)
    .bind(Utc::now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
