use std::time::Duration;

use anyhow::{Context, Result};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Each process (gopherd, crawler) calls this exactly once from its main().
pub fn make_pool(max_size: u32) -> Result<PgPool> {
    let url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(10))
        .build(manager)?;
    Ok(pool)
}
