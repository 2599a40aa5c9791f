use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the process-wide pool. Each binary calls this exactly once from main;
/// the retry loop only covers the database coming up after us.
pub async fn make_pool(max_connections: u32) -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let mut attempt = 0u32;
    loop {
        match PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 8 => {
                attempt += 1;
                tracing::warn!(attempt, error = %e, "database not ready, retrying");
                tokio::time::sleep(Duration::from_millis(250 * 2u64.pow(attempt))).await;
            }
            Err(e) => return Err(e),
        }
    }
}
