use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the metering pool. Called once from `main`; the daemon usually
/// starts before the database on hypervisor boot, hence the retry.
pub async fn make_pool(url: &str) -> anyhow::Result<PgPool> {
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=8 {
        match PgPoolOptions::new().max_connections(10).connect(url).await {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                tracing::warn!(attempt, "postgres not reachable yet: {e}");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
    anyhow::bail!("giving up on postgres after 8 attempts")
}
