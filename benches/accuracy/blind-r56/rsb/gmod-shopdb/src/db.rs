//! Shared r2d2 pool, built once when the module is loaded.

use std::sync::OnceLock;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static POOL: OnceLock<PgPool> = OnceLock::new();

pub fn url() -> String {
    std::env::var("SHOPDB_URL").unwrap_or_else(|_| {
        "host=127.0.0.1 port=5432 user=gmod password=gmod dbname=community".to_string()
    })
}

pub fn init() -> Result<(), r2d2::Error> {
    if POOL.get().is_some() {
        return Ok(());
    }
    let manager = PostgresConnectionManager::new(url().parse().expect("SHOPDB_URL"), NoTls);
    let pool = Pool::builder()
        .max_size(6)
        .connection_timeout(Duration::from_secs(2))
        .build(manager)?;
    let _ = POOL.set(pool);
    Ok(())
}

pub fn pool() -> &'static PgPool {
    POOL.get().expect("shopdb: db::init was not called")
}
