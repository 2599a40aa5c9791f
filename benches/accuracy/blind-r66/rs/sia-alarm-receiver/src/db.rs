use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::warn;

/// Builds the event-store pool. The database may still be starting when the
/// receiver boots after a power cut, so try a few times before giving up.
pub async fn connect(url: &str) -> anyhow::Result<PgPool> {
    let mut last_err = None;
    for attempt in 1..=6 {
        match PgPoolOptions::new()
            .max_connections(12)
            .acquire_timeout(Duration::from_secs(3))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                warn!(attempt, "event store not reachable yet: {e}");
                last_err = Some(e);
                tokio::time::sleep(Duration::from_secs(2 * attempt)).await;
            }
        }
    }
    Err(last_err
        .map(Into::into)
        .unwrap_or_else(|| anyhow::anyhow!("no attempt made")))
}
