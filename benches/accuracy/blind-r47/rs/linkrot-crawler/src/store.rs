use std::time::Duration;

use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

/// Builds the pool once at start-up. Postgres may still be starting when the
/// container comes up, so probe it a few times before giving up.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_string());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(12));

    let mut delay = Duration::from_millis(500);
    for attempt in 1..=10 {
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        match pool.get().await {
            Ok(client) => {
                client.simple_query("SELECT 1").await?;
                drop(client);
                return Ok(pool);
            }
            Err(e) => {
                tracing::warn!(attempt, "postgres not reachable yet: {e}");
                pool.close();
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
    anyhow::bail!("postgres still unreachable after 10 attempts")
}

pub async fn record(pool: &Pool, site: &str, url: &str, status: Option<u16>, error: Option<String>) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO link_checks (site, url, status, error, checked_at) VALUES ($1, $2, $3, $4, now())",
            &[&site, &url, &status.map(|s| s as i32), &error],
        )
        .await?;
    Ok(())
}

pub async fn sites(pool: &Pool) -> anyhow::Result<Vec<(String, String)>> {
    let client = pool.get().await?;
    let rows = client.query("SELECT name, sitemap_url FROM monitored_sites WHERE enabled", &[]).await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}
