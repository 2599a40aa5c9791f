use std::thread;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Builds the process-wide pool. Called exactly once from each binary's main();
/// retries while the database is still starting (compose / k8s start order).
pub fn make_pool(max_size: u32) -> Result<PgPool, Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 1u32;
    loop {
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        match Pool::builder()
            .max_size(max_size)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 8 => {
                log::warn!("database not ready (attempt {}): {}", attempt, e);
                thread::sleep(Duration::from_secs(2u64.pow(attempt.min(5))));
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
