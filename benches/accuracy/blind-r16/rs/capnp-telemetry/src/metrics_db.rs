//! Rollup table (latest value per device/metric), written by the collector.

use std::env;

use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

pub fn connect() -> Pool {
    let mut cfg = Config::new();
    cfg.url = Some(env::var("DATABASE_URL").expect("DATABASE_URL"));
    cfg.pool = Some(PoolConfig::new(64));
    cfg.create_pool(Some(Runtime::Tokio1), NoTls)
        .expect("rollup pool")
}

pub async fn upsert_latest(pool: &Pool, device: &str, metric: &str, value: f64) -> Result<(), String> {
    let client = pool.get().await.map_err(|e| e.to_string())?;
    client
        .execute(
            "INSERT INTO latest (device, metric, value) VALUES ($1, $2, $3) \
             ON CONFLICT (device, metric) DO UPDATE SET value = EXCLUDED.value",
            &[&device, &metric, &value],
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

pub async fn latest(pool: &Pool, device: &str, metric: &str) -> Result<Option<f64>, String> {
    let client = pool.get().await.map_err(|e| e.to_string())?;
    let row = client
        .query_opt("SELECT value FROM latest WHERE device = $1 AND metric = $2", &[&device, &metric])
        .await
        .map_err(|e| e.to_string())?;
    Ok(row.map(|r| r.get(0)))
}
