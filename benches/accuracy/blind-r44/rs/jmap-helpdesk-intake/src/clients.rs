//! Client factories. Each one is called exactly once, from main().

use std::time::Duration;

use jmap_client::client::Client as JmapClient;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::warn;

pub async fn jmap_with_retry(url: &str, user: &str, password: &str) -> anyhow::Result<JmapClient> {
    let mut delay = Duration::from_secs(1);
    for attempt in 1..=8 {
        match JmapClient::new()
            .credentials((user, password))
            .timeout(Duration::from_secs(30))
            .connect(url)
            .await
        {
            Ok(client) => return Ok(client),
            Err(e) => {
                warn!(attempt, error = %e, "JMAP server not reachable yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    }
    anyhow::bail!("giving up on JMAP server {}", url)
}

pub async fn pg_pool(database_url: &str) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(database_url)
        .await?;
    Ok(pool)
}

pub fn http() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?)
}
