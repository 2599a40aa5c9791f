use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool};

pub type PgPool = Pool<ConnectionManager<PgConnection>>;

/// Shared by both binaries; each process calls it exactly once from main.
/// Waits for Postgres during start-up (the yard box boots everything at once).
pub fn make_pool(max_size: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut last_err = None;
    for attempt in 1..=8u64 {
        let manager = ConnectionManager::<PgConnection>::new(url.clone());
        match Pool::builder()
            .max_size(max_size)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
        {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                log::warn!("database not reachable yet (attempt {attempt}): {e}");
                last_err = Some(e);
                std::thread::sleep(Duration::from_secs(attempt * 2));
            }
        }
    }
    Err(last_err.map(anyhow::Error::from).unwrap_or_else(|| anyhow::anyhow!("no attempt made")))
}
