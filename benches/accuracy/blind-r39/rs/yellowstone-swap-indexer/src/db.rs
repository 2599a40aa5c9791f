use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Waits for Postgres during start-up (the indexer is often started together
/// with the database in docker compose). Called once from main.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=8 {
        match PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                tracing::warn!(attempt, error = %e, "postgres not ready");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
    anyhow::bail!("postgres did not become ready")
}
