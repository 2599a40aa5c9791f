//! Shared database wiring. Each process calls `make_pool` exactly once.
use std::time::Duration;

use postgres::NoTls;
use r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn make_pool(max_size: u32) -> Result<PgPool, Box<dyn std::error::Error>> {
    let url = std::env::var("ORDERS_PG_URL").unwrap_or_else(|_| "postgres://orders@localhost/orders".into());
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    Ok(pool)
}
