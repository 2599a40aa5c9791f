use std::thread;
use std::time::Duration;

use anyhow::Result;
use log::warn;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

use crate::agent::Observation;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Called once from main. After a power cut the poller box boots before the
/// database server, so wait for Postgres a bounded number of times.
pub fn make_pool(url: &str) -> Result<PgPool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(6)
        .connection_timeout(Duration::from_secs(10))
        .build_unchecked(manager);
    let mut attempt = 1;
    loop {
        match pool.get() {
            Ok(_) => return Ok(pool),
            Err(e) if attempt < 10 => {
                warn!("postgres not ready (attempt {attempt}): {e}");
                thread::sleep(Duration::from_secs(3 * attempt));
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// One short transaction per poll; the pooled connection goes back to the
/// pool when `conn` is dropped, on success and on every error path alike.
pub fn save(pool: &PgPool, machine: &str, observations: &[Observation]) -> Result<()> {
    if observations.is_empty() {
        return Ok(());
    }
    let mut conn = pool.get()?;
    let mut tx = conn.transaction()?;
    let stmt = tx.prepare(
        "INSERT INTO mtc_observations (machine, data_item_id, kind, sequence, observed_at, value) \
         VALUES ($1, $2, $3, $4, $5::text::timestamptz, $6) \
         ON CONFLICT (machine, sequence) DO NOTHING",
    )?;
    for o in observations {
        tx.execute(&stmt, &[&machine, &o.data_item_id, &o.kind, &o.sequence, &o.timestamp, &o.value])?;
    }
    tx.commit()?;
    Ok(())
}
