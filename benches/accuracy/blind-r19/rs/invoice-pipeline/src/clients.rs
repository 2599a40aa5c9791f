use std::env;
use std::time::Duration;

use aws_config::BehaviorVersion;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::warn;

/// Connects to Postgres, retrying while the database container starts.
pub async fn pg_pool() -> anyhow::Result<PgPool> {
    let url = env::var("DATABASE_URL")?;
    let mut attempt = 0u32;
    loop {
        match PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 8 => {
                attempt += 1;
                warn!(attempt, "postgres not ready: {e}");
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(4)))).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub fn http_client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .pool_max_idle_per_host(4)
        .build()
}

pub async fn s3_client() -> aws_sdk_s3::Client {
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    aws_sdk_s3::Client::new(&config)
}
