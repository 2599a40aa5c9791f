use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

/// Orders database (stock reservations, pick lists).
pub fn orders_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.pool = Some(PoolConfig::new(12));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}
