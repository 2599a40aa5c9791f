//! Client factories. Called exactly once, from main; the results are passed down.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn events_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("DOCK_EVENTS_DATABASE_URL")?;
    for attempt in 1..=12u64 {
        match PgPoolOptions::new().max_connections(3).connect(&url).await {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                tracing::warn!(attempt, error = %e, "events db not ready");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }
    }
    anyhow::bail!("events database unreachable after 12 attempts")
}

pub async fn s3() -> aws_sdk_s3::Client {
    let config = aws_config::load_from_env().await;
    aws_sdk_s3::Client::new(&config)
}
