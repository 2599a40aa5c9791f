use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::warn;

/// The caster usually boots before Postgres on the farm gateway; wait for it, but not forever.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                warn!(attempt, error = %e, "database not ready, retrying");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
