use std::thread::sleep;
use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// The rates database is often still starting when the container comes up,
/// so retry a few times before giving up. Called only from main.
pub fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        match r2d2::Pool::builder()
            .max_size(6)
            .connection_timeout(Duration::from_secs(3))
            .build(manager)
        {
            Ok(pool) => {
                log::info!("connected to rates db after {attempt} attempt(s)");
                return Ok(pool);
            }
            Err(e) if attempt < 10 => {
                log::warn!("rates db not ready ({e}), retrying");
                sleep(Duration::from_secs(2 * attempt as u64));
            }
            Err(e) => return Err(e.into()),
        }
    }
}
