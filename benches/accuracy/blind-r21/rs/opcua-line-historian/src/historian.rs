use std::time::Duration;

use chrono::{DateTime, Utc};
use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio::sync::mpsc;
use tokio_postgres::NoTls;

#[derive(Debug)]
pub struct Sample {
    pub tag: String,
    pub value: f64,
    pub at: DateTime<Utc>,
}

pub struct Historian {
    pool: Pool,
}

impl Historian {
    pub fn connect(url: &str) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(url.to_string());
        cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
        cfg.pool = Some(PoolConfig::new(8));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    /// Batches samples and writes them every second (or every 500 samples).
    pub async fn run(self, mut rx: mpsc::Receiver<Sample>) {
        let mut batch: Vec<Sample> = Vec::with_capacity(500);
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tokio::select! {
                maybe = rx.recv() => match maybe {
                    Some(s) => {
                        batch.push(s);
                        if batch.len() < 500 { continue; }
                    }
                    None => break,
                },
                _ = tick.tick() => {}
            }
            if batch.is_empty() {
                continue;
            }
            if let Err(e) = self.flush(&batch).await {
                log::error!("historian flush of {} samples failed: {e}", batch.len());
            }
            batch.clear();
        }
    }

    async fn flush(&self, batch: &[Sample]) -> anyhow::Result<()> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        let stmt = tx
            .prepare_cached("INSERT INTO line_samples (tag, value, sampled_at) VALUES ($1, $2, $3)")
            .await?;
        for s in batch {
            tx.execute(&stmt, &[&s.tag, &s.value, &s.at]).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
