//! Long-lived clients. Both builders are called exactly once, from main.

use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use std::time::Duration;
use tokio_postgres::NoTls;

pub fn build_http() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        // no overall timeout: the event stream is a long-lived response
        .tcp_keepalive(Duration::from_secs(30))
        .build()
}

pub fn build_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.pool = Some(PoolConfig::new(6));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}
