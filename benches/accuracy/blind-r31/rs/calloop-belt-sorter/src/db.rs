use r2d2::Pool;
use r2d2_postgres::postgres::{Config, NoTls};
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Routing database pool, built once by `main`.
pub fn build_pool() -> anyhow::Result<PgPool> {
    let config: Config = std::env::var("DATABASE_URL")?.parse()?;
    let pool = Pool::builder().max_size(8).build(PostgresConnectionManager::new(config, NoTls))?;
    Ok(pool)
}
