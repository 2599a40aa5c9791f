//! Pool construction. `connect` is called exactly once, from main, before the
//! server starts; the retry loop only covers the database coming up after us.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

const ATTEMPTS: u32 = 10;

pub async fn connect(url: &str) -> Result<PgPool, sqlx::Error> {
    let mut delay = Duration::from_millis(500);
    let mut attempt = 1;
    loop {
        let result = PgPoolOptions::new()
            .max_connections(10)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await;
        match result {
            Ok(pool) => {
                tracing::info!(attempt, "connected to postgres");
                return Ok(pool);
            }
            Err(e) if attempt < ATTEMPTS => {
                tracing::warn!(attempt, "postgres not ready: {e}; retrying in {delay:?}");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}
