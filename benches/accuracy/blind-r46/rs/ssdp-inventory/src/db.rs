use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Each binary calls this exactly once from its `main`.
pub async fn make_pool(max: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 0u32;
    loop {
        match PgPoolOptions::new().max_connections(max).connect(&url).await {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                attempt += 1;
                eprintln!("database not ready ({e}); attempt {attempt}/10");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
