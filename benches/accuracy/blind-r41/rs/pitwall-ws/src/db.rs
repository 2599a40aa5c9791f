use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Waits for Postgres at start-up (the compose stack starts everything at once).
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0;
    loop {
        match PgPoolOptions::new().max_connections(10).acquire_timeout(Duration::from_secs(5)).connect(url).await {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < 20 => {
                attempt += 1;
                eprintln!("postgres not ready ({err}), attempt {attempt}/20");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(err) => return Err(err.into()),
        }
    }
}
