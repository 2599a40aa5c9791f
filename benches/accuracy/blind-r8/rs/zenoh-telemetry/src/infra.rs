use std::env;
use std::time::Duration;

use deadpool_redis::{Config as RedisConfig, Pool as RedisPool, Runtime};
use sqlx::postgres::{PgPool, PgPoolOptions};

/// Start-up only: the database container may still be booting, so retry a
/// few times and then hand the single pool back to main.
pub async fn connect_pg() -> anyhow::Result<PgPool> {
    let url = env::var("DATABASE_URL")?;
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=6 {
        match PgPoolOptions::new().max_connections(10).connect(&url).await {
            Ok(pool) => return Ok(pool),
            Err(err) => {
                tracing::warn!(attempt, %err, "postgres not ready, retrying");
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
        }
    }
    anyhow::bail!("postgres still unavailable after 6 attempts")
}

pub fn redis_pool() -> anyhow::Result<RedisPool> {
    let url = env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    Ok(RedisConfig::from_url(url).create_pool(Some(Runtime::Tokio1))?)
}
