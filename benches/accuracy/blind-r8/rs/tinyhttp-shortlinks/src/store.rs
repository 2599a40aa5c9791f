use std::env;

use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Built once in main and shared by every request.
pub fn pg_pool() -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(env::var("DATABASE_URL")?.parse()?, NoTls);
    let pool = Pool::builder().max_size(64).build(manager)?;
    Ok(pool)
}

/// Hot-link cache in front of Postgres.
pub fn redis_conn() -> redis::RedisResult<redis::Connection> {
    let url = env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_owned());
    let client = redis::Client::open(url)?;
    client.get_connection()
}
