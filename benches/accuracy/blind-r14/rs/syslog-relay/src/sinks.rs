use std::time::Duration;

use fred::prelude::*;

/// ClickHouse HTTP client. `Client` keeps its hyper connection pool behind an `Arc`, so clones
/// (and `with_database` on a clone) reuse the same sockets.
pub fn clickhouse_client() -> clickhouse::Client {
    clickhouse::Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://127.0.0.1:8123".into()))
        .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "ingest".into()))
        .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
}

/// Counters live in Redis. Redis comes up after us on a cold boot, so try a few times.
pub async fn redis_with_retry() -> anyhow::Result<RedisClient> {
    let config = RedisConfig::from_url(&std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into()))?;
    let mut attempt = 0;
    loop {
        let client = Builder::from_config(config.clone()).build()?;
        match client.init().await {
            Ok(_handle) => return Ok(client),
            Err(e) if attempt < 5 => {
                attempt += 1;
                tracing::warn!(attempt, error = %e, "redis not reachable yet");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
