//! Shared by both binaries. Each process calls `make_pool` exactly once, from main.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn make_pool(max: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("DIRECTORY_DATABASE_URL")?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(max)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                eprintln!("db not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(3 * attempt)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
