use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Postgres may still be starting when the node boots: retry, then hand back one pool.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                tracing::warn!(attempt, error = %e, "postgres not ready, retrying");
                tokio::time::sleep(Duration::from_secs(3 * attempt as u64)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
