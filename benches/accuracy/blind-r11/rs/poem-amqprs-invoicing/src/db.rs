//! Shared pool factory. Each binary (web, worker) is its own OS process
//! and calls `make_pool` exactly once from its `main`.

use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

pub fn make_pool(max_size: usize) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.pool = Some(PoolConfig::new(max_size));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}
