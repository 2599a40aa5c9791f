//! Shared code for the two binaries (separate processes, see Procfile):
//! `ups-poller` (long-running) and `ups-export` (monthly one-off).

pub mod ups;

use std::time::Duration;

use anyhow::{Context, Result};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

pub fn database_url() -> Result<String> {
    std::env::var("FACILITY_DATABASE_URL").context("FACILITY_DATABASE_URL not set")
}

/// Builds the process-wide pool. Called exactly once from each binary's main;
/// retries a bounded number of times while the database is starting.
pub fn make_pool(max_size: u32) -> Result<PgPool> {
    let url = database_url()?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        match r2d2::Pool::builder()
            .max_size(max_size)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 8 => {
                log::warn!("facility db not ready ({attempt}/8): {e}");
                std::thread::sleep(Duration::from_secs(attempt * 2));
            }
            Err(e) => return Err(e).context("facility db unreachable"),
        }
    }
}
