//! Connection helpers shared by the builtin.

use std::time::Duration;

use redis::{Client, Connection, RedisResult};

const DEFAULT_URL: &str = "redis://127.0.0.1:6379/3";

pub fn url_from_env() -> String {
    std::env::var("RKV_URL").unwrap_or_else(|_| DEFAULT_URL.to_string())
}

/// Opens one connection. Only `Rkv::connection` calls this, and only when it
/// has no live connection cached.
pub fn connect(url: &str) -> RedisResult<Connection> {
    let client = Client::open(url)?;
    let con = client.get_connection_with_timeout(Duration::from_secs(2))?;
    con.set_read_timeout(Some(Duration::from_secs(5)))?;
    con.set_write_timeout(Some(Duration::from_secs(5)))?;
    Ok(con)
}

/// SET key owner NX EX ttl — true when we now hold the lock.
pub fn try_lock(con: &mut Connection, key: &str, owner: &str, ttl: u64) -> RedisResult<bool> {
    let reply: Option<String> = redis::cmd("SET")
        .arg(key)
        .arg(owner)
        .arg("NX")
        .arg("EX")
        .arg(ttl)
        .query(con)?;
    Ok(reply.is_some())
}

#[cfg(test)]
mod tests {
    #[test]
    fn default_url_uses_db_3() {
        std::env::remove_var("RKV_URL");
        assert!(super::url_from_env().ends_with("/3"));
    }
}
