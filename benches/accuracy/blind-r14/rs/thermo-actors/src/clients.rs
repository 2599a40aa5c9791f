use deadpool_postgres::{Manager, ManagerConfig, Pool as PgPool, RecyclingMethod};
use deadpool_redis::{Config as RedisConfig, Pool as RedisPool, Runtime};
use tokio_postgres::NoTls;

/// Built once in main; every device actor gets a clone of the same pool.
pub fn redis_pool() -> anyhow::Result<RedisPool> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    Ok(RedisConfig::from_url(url).create_pool(Some(Runtime::Tokio1))?)
}

/// Built once in main; actors check connections out per message and drop them right away.
pub fn pg_pool() -> anyhow::Result<PgPool> {
    let cfg: tokio_postgres::Config = std::env::var("DATABASE_URL")?.parse()?;
    let mgr = Manager::from_config(cfg, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Verified });
    Ok(PgPool::builder(mgr).max_size(12).build()?)
}
