use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Start-up only: the sidecar can come up before pgbouncer on a fresh node.
/// Tries a bounded number of times, then gives up and lets systemd restart us.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=6 {
        match PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(3))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 6 => {
                eprintln!("pdp: database not reachable (attempt {attempt}): {e}");
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
            Err(e) => return Err(e.into()),
        }
    }
    unreachable!()
}
