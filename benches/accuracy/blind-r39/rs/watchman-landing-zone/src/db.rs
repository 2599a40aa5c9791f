use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// One pool per process: each binary calls this once from main. Retries while
/// Postgres is still starting, then returns the pool.
pub async fn make_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut last_err = None;
    for attempt in 1..=10 {
        match PgPoolOptions::new()
            .max_connections(6)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                tracing::warn!(attempt, error = %e, "waiting for postgres");
                last_err = Some(e);
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
        }
    }
    Err(last_err.expect("at least one attempt").into())
}
