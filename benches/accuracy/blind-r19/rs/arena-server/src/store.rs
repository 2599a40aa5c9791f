use std::error::Error;

use r2d2_postgres::postgres::{Config, NoTls};
use r2d2_postgres::PostgresConnectionManager;

pub type DbPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Match history database; called from main before the tick loop starts.
pub fn build_pool() -> Result<DbPool, Box<dyn Error>> {
    let config: Config = std::env::var("ARENA_DB_URL")?.parse()?;
    let manager = PostgresConnectionManager::new(config, NoTls);
    let pool = r2d2::Pool::builder().max_size(12).build(manager)?;
    Ok(pool)
}
