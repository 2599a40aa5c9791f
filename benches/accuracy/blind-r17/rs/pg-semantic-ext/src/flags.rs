//! Feature flags stored in Redis, readable from SQL:
//! `SELECT * FROM orders WHERE semantic_flag_enabled('new_pricing', tenant_id::text)`.

use pgrx::prelude::*;
use redis::Commands;

fn redis_url() -> String {
    std::env::var("PG_SEMANTIC_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/3".into())
}

#[pg_extern]
fn semantic_flag_enabled(flag: &str, tenant: &str) -> bool {
    let mut conn = match redis::Client::open(redis_url()).and_then(|c| c.get_connection()) {
        Ok(c) => c,
        Err(e) => {
            warning!("flag store unavailable, defaulting {flag} to off: {e}");
            return false;
        }
    };
    let key = format!("flags:{flag}");
    conn.sismember::<_, _, bool>(&key, tenant).unwrap_or(false)
        || conn.sismember::<_, _, bool>(&key, "*").unwrap_or(false)
}
