//! Mirrors every raw POS event into a capped Redis stream for the
//! head-office replay tool. One connection, opened in plugin_init.

use std::sync::{Mutex, OnceLock};

use redis::Commands;

static CONN: OnceLock<Mutex<redis::Connection>> = OnceLock::new();

#[no_mangle]
pub extern "C" fn plugin_init() -> i32 {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let conn = match redis::Client::open(url.as_str()).and_then(|c| c.get_connection()) {
        Ok(c) => c,
        Err(_) => return 1,
    };
    let _ = CONN.set(Mutex::new(conn));
    0
}

/// # Safety
/// `ptr` must point to `len` readable bytes for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn plugin_on_event(ptr: *const u8, len: usize) -> i32 {
    let bytes = std::slice::from_raw_parts(ptr, len);
    let Some(conn) = CONN.get() else { return 1 };
    let mut conn = match conn.lock() {
        Ok(c) => c,
        Err(_) => return 2,
    };
    let res: redis::RedisResult<String> = conn.xadd_maxlen(
        "pos:events",
        redis::streams::StreamMaxlen::Approx(100_000),
        "*",
        &[("raw", bytes)],
    );
    if res.is_err() { 3 } else { 0 }
}
