use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Called once from main. Retries while Postgres is still coming up in compose.
pub async fn make_pool(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 12 => {
                tracing::warn!("postgres not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Called once from main.
pub fn make_http() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(4))
        .user_agent("cozy-gardening-feed/0.1")
        .build()
}
