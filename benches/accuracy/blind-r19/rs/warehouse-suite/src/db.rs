use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

/// Shared by all three binaries; each process calls it exactly once from
/// its own `main`, so every process owns one pool.
pub async fn make_pool(application_name: &str, max_connections: u32) -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let options = PgConnectOptions::from_str(&url)?.application_name(application_name);

    let mut attempt = 0;
    loop {
        match PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options.clone())
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 6 => {
                attempt += 1;
                tracing::warn!(attempt, "database not reachable yet: {e}");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e),
        }
    }
}
