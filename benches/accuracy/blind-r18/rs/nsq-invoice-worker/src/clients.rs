use std::time::Duration;

use anyhow::{bail, Context, Result};
use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

/// Only called from main. Waits for Postgres to come up (the worker is often
/// started by compose before the database is ready), then hands the pool back.
pub async fn pg_pool() -> Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL").context("DATABASE_URL must be set")?);
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(12));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    let mut attempt = 0;
    loop {
        attempt += 1;
        match pool.get().await {
            Ok(client) => {
                client.simple_query("SELECT 1").await?;
                break;
            }
            Err(e) if attempt < 15 => {
                eprintln!("postgres not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => bail!("postgres unreachable after {attempt} attempts: {e}"),
        }
    }
    Ok(pool)
}

/// Only called from main; the client is cloned into the handler.
pub fn accounting_api() -> Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .pool_max_idle_per_host(8)
        .build()?)
}
