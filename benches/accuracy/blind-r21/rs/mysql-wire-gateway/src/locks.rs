//! Emulation of MySQL named locks (GET_LOCK / RELEASE_LOCK) for the BI tool's
//! scheduled extracts. Named locks belong to a server session, so the replica
//! connection that took the lock is parked here until it is released.

use std::collections::HashMap;
use std::sync::LazyLock;

use mysql_async::prelude::Queryable;
use mysql_async::{Conn, Pool};
use tokio::sync::Mutex;

static HELD: LazyLock<Mutex<HashMap<String, Conn>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Extracts the first quoted argument of `SELECT GET_LOCK('name', 10)`.
pub fn lock_name(sql: &str) -> Option<String> {
    let start = sql.find('\'')? + 1;
    let end = start + sql[start..].find('\'')?;
    Some(sql[start..end].to_string())
}

pub fn lock_timeout(sql: &str) -> i64 {
    sql.rsplit(',')
        .next()
        .and_then(|t| t.trim().trim_end_matches(')').trim().parse().ok())
        .unwrap_or(0)
}

pub async fn acquire(pool: &Pool, name: &str, timeout: i64) -> Result<i64, mysql_async::Error> {
    let mut conn = pool.get_conn().await?;
    let got: Option<i64> = conn.exec_first("SELECT GET_LOCK(?, ?)", (name, timeout)).await?;
    let got = got.unwrap_or(0);
    if got == 1 {
        HELD.lock().await.insert(name.to_string(), conn);
    }
    Ok(got)
}

pub async fn release(name: &str) -> Result<i64, mysql_async::Error> {
    let Some(mut conn) = HELD.lock().await.remove(name) else {
        return Ok(0);
    };
    let released: Option<i64> = conn.exec_first("SELECT RELEASE_LOCK(?)", (name,)).await?;
    Ok(released.unwrap_or(0))
}
