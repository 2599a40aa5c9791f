use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://billing@localhost/billing".to_string())
}

/// Shared by every binary in this crate. Each binary is its own process and
/// calls this once from `main`, so each process owns exactly one pool.
pub fn make_pool(max_size: u32) -> Result<PgPool, Box<dyn std::error::Error>> {
    let manager = PostgresConnectionManager::new(database_url().parse()?, NoTls);
    let pool = Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    Ok(pool)
}
