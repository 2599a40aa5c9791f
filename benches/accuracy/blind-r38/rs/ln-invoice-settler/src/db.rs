use std::time::Duration;

use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

const MAX_ATTEMPTS: u32 = 8;

/// Called once from `main`. Postgres may still be starting when the node
/// container comes up, so back off until the first connection succeeds.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_string());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(10));

    let mut attempt = 0;
    loop {
        attempt += 1;
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        match pool.get().await {
            Ok(_probe) => return Ok(pool),
            Err(err) if attempt < MAX_ATTEMPTS => {
                pool.close();
                let wait = Duration::from_secs(1 << attempt.min(5));
                tracing::warn!(attempt, ?wait, error = %err, "postgres not reachable yet");
                tokio::time::sleep(wait).await;
            }
            Err(err) => return Err(err.into()),
        }
    }
}
