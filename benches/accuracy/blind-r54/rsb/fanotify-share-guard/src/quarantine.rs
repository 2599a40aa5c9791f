//! The AV scanner (clamd on the file server) pushes every flagged path into the
//! Redis set `quarantine:paths`; entries are removed again when a human releases
//! the file from the review queue.

use std::path::Path;
use std::time::Duration;

use redis::Commands;

const QUARANTINE_SET: &str = "quarantine:paths";

/// Temporary files written by office suites are never scanned; skip them.
fn is_scratch_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.starts_with("~$") || name.starts_with(".~lock.") || name.ends_with(".tmp")
}

pub fn is_quarantined(path: &Path) -> bool {
    if is_scratch_file(path) {
        return false;
    }
    let url = std::env::var("GUARD_REDIS_URL")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379/2".to_string());
    let mut con = match redis::Client::open(url.as_str())
        .and_then(|client| client.get_connection_with_timeout(Duration::from_millis(200)))
    {
        Ok(con) => con,
        Err(e) => {
            log::warn!("quarantine set unavailable: {}", e);
            return false;
        }
    };
    let key = path.to_string_lossy();
    con.sismember(QUARANTINE_SET, key.as_ref()).unwrap_or(false)
}
