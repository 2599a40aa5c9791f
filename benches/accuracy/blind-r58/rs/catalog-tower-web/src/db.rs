//! Pool construction. Only called from `main`, once per process.

use std::error::Error;
use std::thread;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::{PostgresConnectionManager, TlsMode};

pub type PgPool = Pool<PostgresConnectionManager>;

const MAX_ATTEMPTS: u32 = 10;

/// Builds the shared pool, waiting for Postgres to accept connections
/// (the scanners' docker-compose starts both containers together).
pub fn make_pool(url: &str) -> Result<PgPool, Box<dyn Error>> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let manager = PostgresConnectionManager::new(url, TlsMode::None)?;
        match Pool::builder()
            .max_size(10)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
        {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < MAX_ATTEMPTS => {
                warn!("database not ready (attempt {}/{}): {}", attempt, MAX_ATTEMPTS, err);
                thread::sleep(Duration::from_secs(3));
            }
            Err(err) => return Err(Box::new(err)),
        }
    }
}
