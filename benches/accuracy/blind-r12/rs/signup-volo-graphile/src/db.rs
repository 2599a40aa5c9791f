use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the Postgres pool for one process. Each binary (web, worker) calls
/// this exactly once from its `main`.
pub async fn make_pool(max_connections: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 0u32;
    loop {
        match PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                attempt += 1;
                tracing::warn!(attempt, "postgres not ready: {e}");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
