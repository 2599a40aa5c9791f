use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::warn;

/// Builds the billing pool once at start-up, waiting for Postgres to come up.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 15 => {
                warn!(attempt, "postgres not ready: {e}");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
