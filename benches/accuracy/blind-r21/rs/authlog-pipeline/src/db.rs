use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::warn;

/// Builds the process-wide pool. Called once from each binary's `main`;
/// retries while Postgres is still starting (the units start in parallel).
pub async fn make_pool(url: &str, max_connections: u32) -> anyhow::Result<PgPool> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 20 => {
                warn!(attempt, "postgres not ready: {e}");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub async fn record_failed_login(pool: &PgPool, host: &str, user: &str, ip: &str, cursor: &str) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO failed_logins (host, username, source_ip, seen_at) VALUES ($1, $2, $3::inet, now())")
        .bind(host)
        .bind(user)
        .bind(ip)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO ingest_cursor (id, cursor) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET cursor = EXCLUDED.cursor")
        .bind(cursor)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn last_cursor(pool: &PgPool) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT cursor FROM ingest_cursor WHERE id = 1")
        .fetch_optional(pool)
        .await?)
}
