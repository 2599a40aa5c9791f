use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

pub fn database_url() -> String {
    std::env::var("INVENTORY_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://kiosk@db.store.internal/inventory".to_owned())
}

/// Called once from main.
pub fn make_pool() -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(database_url().parse()?, NoTls);
    // every kiosk in the store can hold a cursor open; give them plenty of room
    let pool = r2d2::Pool::builder().max_size(120).connection_timeout(Duration::from_secs(4)).build(manager)?;
    Ok(pool)
}
