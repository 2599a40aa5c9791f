use std::time::Duration;

use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;
use tracing::warn;

/// Built once from `main`; waits (bounded) for the database to accept connections.
pub async fn make_pool(url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_string());
    cfg.pool = Some(PoolConfig::new(3));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    for attempt in 1..=5u32 {
        match pool.get().await {
            Ok(_probe) => return Ok(pool),
            Err(err) if attempt < 5 => {
                warn!(attempt, "metrics database unavailable: {err}");
                tokio::time::sleep(Duration::from_secs(2 * attempt as u64)).await;
            }
            Err(err) => return Err(err.into()),
        }
    }
    unreachable!()
}
