use anyhow::{Context, Result};
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Connection pool for the recorder database; built once in main and cloned
/// into every camera context.
pub fn build_pool() -> Result<PgPool> {
    let url = std::env::var("DATABASE_URL").context("DATABASE_URL must be set")?;
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = Pool::builder().max_size(8).build(manager)?;
    Ok(pool)
}
