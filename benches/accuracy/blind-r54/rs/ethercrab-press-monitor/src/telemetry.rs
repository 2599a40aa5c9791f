//! Batched force/stroke telemetry writes.

use chrono::{DateTime, Utc};
use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

pub struct Sample {
    pub press: i16,
    pub force_centi_kn: i32,
    pub stroke_um: i32,
    pub status: i32,
    pub at: DateTime<Utc>,
}

impl Sample {
    pub fn new(press: i16, force_centi_kn: i32, stroke_um: i32, status: u16) -> Self {
        Self {
            press,
            force_centi_kn,
            stroke_um,
            status: status as i32,
            at: Utc::now(),
        }
    }
}

/// Builds the telemetry pool. Called once from main before the cycle loop.
pub fn make_pool(url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_string());
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    cfg.pool = Some(PoolConfig::new(4));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

/// Writes one second of samples in a single transaction.
pub async fn flush(pool: &Pool, batch: Vec<Sample>) -> anyhow::Result<()> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let stmt = tx
        .prepare_cached(
            "INSERT INTO press_samples (press, force_centi_kn, stroke_um, status, sampled_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .await?;
    for s in &batch {
        tx.execute(&stmt, &[&s.press, &s.force_centi_kn, &s.stroke_um, &s.status, &s.at])
            .await?;
    }
    tx.commit().await?;
    tracing::debug!(rows = batch.len(), "telemetry flushed");
    Ok(())
}
