use std::time::Duration;

use anyhow::{Context, Result};
use sqlx::postgres::{PgPool, PgPoolOptions};

/// Called once from main. Retries while Postgres is still starting (same host, boot order),
/// then hands back the one pool used for the life of the process.
pub async fn connect_with_retry(url: &str) -> Result<PgPool> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(3)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < 8 => {
                tracing::warn!(attempt, error = %err, "assets DB not ready");
                tokio::time::sleep(Duration::from_secs(2 * attempt)).await;
            }
            Err(err) => return Err(err).context("assets DB unreachable"),
        }
    }
}
