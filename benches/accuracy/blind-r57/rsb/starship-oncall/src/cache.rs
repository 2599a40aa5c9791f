//! Tiny wrapper around the team's shared Redis (short timeouts so a slow
//! network never delays the shell prompt).
use std::env;
use std::time::Duration;

use redis::{Commands, Connection};

const DEFAULT_URL: &str = "redis://devtools-cache.internal.example.com:6379/3";

/// Opens the single connection used by this process.
pub fn open() -> redis::RedisResult<Connection> {
    let url = env::var("ONCALL_REDIS_URL").unwrap_or_else(|_| DEFAULT_URL.to_string());
    let client = redis::Client::open(url)?;
    let con = client.get_connection_with_timeout(Duration::from_millis(150))?;
    con.set_read_timeout(Some(Duration::from_millis(150)))?;
    con.set_write_timeout(Some(Duration::from_millis(150)))?;
    Ok(con)
}

/// Returns the cached on-call name, ignoring Redis errors.
pub fn get(con: &mut Connection, key: &str) -> Option<String> {
    match con.get::<_, Option<String>>(key) {
        Ok(v) => v.filter(|s| !s.is_empty()),
        Err(_) => None,
    }
}

/// Stores the name for `ttl` seconds, ignoring Redis errors.
pub fn put(con: &mut Connection, key: &str, name: &str, ttl: u64) {
    let res: redis::RedisResult<()> = con.set_ex(key, name, ttl);
    if let Err(err) = res {
        if env::var_os("ONCALL_DEBUG").is_some() {
            eprintln!("oncall-prompt: cache write failed: {err}");
        }
    }
}
