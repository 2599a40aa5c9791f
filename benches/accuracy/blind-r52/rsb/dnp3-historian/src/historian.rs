use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::SystemTime;

use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

#[derive(Clone, Debug)]
pub struct PointDef {
    pub tag: String,
    pub deadband: f64,
}

/// keyed by ("AI" | "BI", point index)
pub type PointMap = Arc<HashMap<(String, u16), PointDef>>;

#[derive(Debug)]
pub struct Sample {
    pub outstation: String,
    pub tag: String,
    pub value: f64,
    pub quality: u8,
    pub ts: SystemTime,
}

pub struct Stats {
    pub rows: u64,
    pub errors: u64,
}

#[derive(Clone)]
pub struct Historian {
    pool: Pool,
    rows: Arc<AtomicU64>,
    errors: Arc<AtomicU64>,
}

impl Historian {
    pub async fn connect(database_url: &str) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(database_url.to_string());
        cfg.manager = Some(ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        });
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self {
            pool,
            rows: Arc::new(AtomicU64::new(0)),
            errors: Arc::new(AtomicU64::new(0)),
        })
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Called once per DNP3 response fragment with the samples that passed the deadband.
    pub async fn write_batch(&self, samples: Vec<Sample>) -> anyhow::Result<()> {
        if samples.is_empty() {
            return Ok(());
        }
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        let stmt = tx
            .prepare_cached(
                "INSERT INTO samples (outstation, tag, value, quality, ts) VALUES ($1, $2, $3, $4, $5)",
            )
            .await?;
        for s in &samples {
            let quality = s.quality as i16;
            tx.execute(&stmt, &[&s.outstation, &s.tag, &s.value, &quality, &s.ts])
                .await?;
        }
        tx.commit().await?;
        self.rows.fetch_add(samples.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    pub fn record_error(&self) {
        self.errors.fetch_add(1, Ordering::Relaxed);
    }

    pub fn stats(&self) -> Stats {
        Stats {
            rows: self.rows.load(Ordering::Relaxed),
            errors: self.errors.load(Ordering::Relaxed),
        }
    }
}

pub async fn load_point_map(client: &deadpool_postgres::Client) -> anyhow::Result<PointMap> {
    let rows = client
        .query("SELECT kind, idx, tag, deadband FROM points WHERE enabled", &[])
        .await?;
    let mut map = HashMap::with_capacity(rows.len());
    for row in rows {
        let kind: String = row.get(0);
        let idx: i32 = row.get(1);
        map.insert(
            (kind, idx as u16),
            PointDef {
                tag: row.get(2),
                deadband: row.get(3),
            },
        );
    }
    Ok(Arc::new(map))
}
