//! Client factories, each called exactly once from `main` into `AppState`.

use std::time::Duration;

use redis::aio::ConnectionManager;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn build_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(12)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&url)
        .await?;
    Ok(pool)
}

pub async fn build_redis() -> anyhow::Result<ConnectionManager> {
    let client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    Ok(ConnectionManager::new(client).await?)
}

pub fn build_http() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?)
}
