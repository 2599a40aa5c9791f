use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::warn;

const ATTEMPTS: u32 = 6;

/// Called once from `main`. Retries while Postgres is still starting, then gives up.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut delay = Duration::from_secs(1);
    for attempt in 1..=ATTEMPTS {
        match PgPoolOptions::new().max_connections(4).connect(url).await {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < ATTEMPTS => {
                warn!(attempt, "catalogue database not ready: {err}");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
            }
            Err(err) => return Err(err.into()),
        }
    }
    unreachable!("loop returns on the last attempt")
}
