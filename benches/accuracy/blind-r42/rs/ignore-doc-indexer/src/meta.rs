//! Per-file metadata (last indexed mtime), kept in Postgres.

use std::sync::{Mutex, OnceLock};

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgManager = PostgresConnectionManager<NoTls>;

/// Walker threads share one dedicated connection for the mtime table.
static META_CONN: OnceLock<Mutex<PooledConnection<PgManager>>> = OnceLock::new();

pub fn init(pool: &Pool<PgManager>) -> Result<(), r2d2::Error> {
    let conn = pool.get()?;
    let _ = META_CONN.set(Mutex::new(conn));
    Ok(())
}

pub fn is_stale(path: &str, mtime: i64) -> bool {
    let mut conn = META_CONN.get().expect("meta::init not called").lock().unwrap();
    match conn.query_opt("SELECT mtime FROM indexed_files WHERE path = $1", &[&path]) {
        Ok(Some(row)) => row.get::<_, i64>(0) < mtime,
        Ok(None) => true,
        Err(e) => {
            log::warn!("mtime lookup failed for {path}: {e}");
            true
        }
    }
}

pub fn mark_indexed(path: &str, mtime: i64) {
    let mut conn = META_CONN.get().expect("meta::init not called").lock().unwrap();
    if let Err(e) = conn.execute(
        "INSERT INTO indexed_files (path, mtime) VALUES ($1, $2) \
         ON CONFLICT (path) DO UPDATE SET mtime = EXCLUDED.mtime",
        &[&path, &mtime],
    ) {
        log::warn!("could not record {path}: {e}");
    }
}
