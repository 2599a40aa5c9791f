//! Pool factory. Called once from main before any executor starts; the
//! retry loop only covers Postgres still booting next to us in compose.

use std::thread::sleep;
use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

const ATTEMPTS: u32 = 12;

pub fn build_pool(database_url: &str, max_size: u32) -> Result<PgPool, r2d2::Error> {
    let config: r2d2_postgres::postgres::Config = database_url.parse().expect("invalid DATABASE_URL");
    let mut attempt = 1;
    loop {
        let manager = PostgresConnectionManager::new(config.clone(), NoTls);
        match r2d2::Pool::builder()
            .max_size(max_size)
            .min_idle(Some(2))
            .connection_timeout(Duration::from_secs(3))
            .build(manager)
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < ATTEMPTS => {
                log::warn!("postgres not ready (attempt {attempt}/{ATTEMPTS}): {e}");
                attempt += 1;
                sleep(Duration::from_secs(2));
            }
            Err(e) => return Err(e),
        }
    }
}

pub fn insert_scan(pool: &PgPool, station: &str, sku: &str, qty: i32) -> Result<i64, String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let row = conn
        .query_one(
            "INSERT INTO scans (station, sku, qty, scanned_at) VALUES ($1, $2, $3, now()) RETURNING id",
            &[&station, &sku, &qty],
        )
        .map_err(|e| e.to_string())?;
    Ok(row.get(0))
}
