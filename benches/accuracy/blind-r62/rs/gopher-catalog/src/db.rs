use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Shared by both binaries; each process calls it exactly once from its `main`.
pub async fn make_pool(url: &str, max_connections: u32) -> anyhow::Result<PgPool> {
    let mut last_err = None;
    for attempt in 0..5u64 {
        match PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(err) => {
                tracing::warn!(attempt, "catalogue database not reachable yet: {err}");
                last_err = Some(err);
                tokio::time::sleep(Duration::from_secs(1 << attempt)).await;
            }
        }
    }
    Err(last_err.expect("at least one attempt").into())
}
