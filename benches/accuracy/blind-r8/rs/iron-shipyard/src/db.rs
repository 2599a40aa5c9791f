use std::env;
use std::error::Error;
use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Each binary (web, worker) calls this exactly once at start-up.
pub fn pool(max_size: u32) -> Result<PgPool, Box<dyn Error + Send + Sync>> {
    let config = env::var("DATABASE_URL")?.parse()?;
    let manager = PostgresConnectionManager::new(config, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    Ok(pool)
}
