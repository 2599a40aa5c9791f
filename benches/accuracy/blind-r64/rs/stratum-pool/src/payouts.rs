use std::time::Duration;

use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;
use tracing::info;

const CREDIT_WINDOW: &str = "INSERT INTO credits (worker, amount_sat, window_end) \
     SELECT worker, sum(difficulty)::bigint, now() FROM shares \
     WHERE submitted_at > now() - interval '10 minutes' GROUP BY worker";

/// PPLNS window bookkeeping: every ten minutes credit the last window of shares.
pub struct PayoutLedger {
    pool: Pool,
}

impl PayoutLedger {
    pub fn connect(url: &str) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(url.to_string());
        cfg.pool = Some(PoolConfig::new(4));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    pub async fn run(&self) -> anyhow::Result<()> {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            let mut client = self.pool.get().await?;
            let tx = client.transaction().await?;
            let credited = tx.execute(CREDIT_WINDOW, &[]).await?;
            tx.commit().await?;
            info!(credited, "pplns window credited");
        }
    }
}
