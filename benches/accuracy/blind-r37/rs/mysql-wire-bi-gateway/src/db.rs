use std::thread::sleep;
use std::time::Duration;

use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Builds the process-wide pool. Each binary calls this exactly once in main.
pub fn make_pool(max_size: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("WAREHOUSE_URL")?;
    let mut last_err = None;
    for attempt in 1..=10 {
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        match r2d2::Pool::builder()
            .max_size(max_size)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
        {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                log::warn!("warehouse not reachable (attempt {attempt}/10): {e}");
                last_err = Some(e);
                sleep(Duration::from_secs(2));
            }
        }
    }
    Err(last_err.expect("at least one attempt").into())
}
