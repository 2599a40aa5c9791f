//! Raw readings table.

use std::env;

use deadpool_postgres::{Config, CreatePoolError, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

pub fn build_pool() -> Result<Pool, CreatePoolError> {
    let mut cfg = Config::new();
    cfg.url = Some(env::var("DATABASE_URL").expect("DATABASE_URL"));
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.create_pool(Some(Runtime::Tokio1), NoTls)
}

pub async fn insert_reading(pool: &Pool, device: &str, metric: &str, value: f64) -> Result<(), String> {
    let client = pool.get().await.map_err(|e| e.to_string())?;
    client
        .execute(
            "INSERT INTO readings (device, metric, value, at) VALUES ($1, $2, $3, now())",
            &[&device, &metric, &value],
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}
