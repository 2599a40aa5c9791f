use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the process-wide pool. Called exactly once, from `main`; the
/// database container often comes up after us, so keep trying for a while.
pub async fn connect(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0;
    loop {
        let result = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await;
        match result {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 12 => {
                attempt += 1;
                tracing::warn!(attempt, "postgres not reachable yet: {e}");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
