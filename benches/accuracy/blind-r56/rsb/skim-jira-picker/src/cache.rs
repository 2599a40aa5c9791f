//! Rendered previews are cached in the team Redis for ten minutes so that
//! scrolling back and forth does not hammer Jira. One connection per jpick
//! process, opened on first use.

use std::sync::Mutex;
use std::time::Duration;

use redis::Commands;

static CONN: Mutex<Option<redis::Connection>> = Mutex::new(None);

fn with_conn<T>(f: impl FnOnce(&mut redis::Connection) -> redis::RedisResult<T>) -> Option<T> {
    let mut guard = CONN.lock().ok()?;
    if guard.is_none() {
        let url = std::env::var("JPICK_REDIS_URL").ok()?;
        let client = redis::Client::open(url).ok()?;
        *guard = Some(client.get_connection_with_timeout(Duration::from_millis(300)).ok()?);
    }
    match f(guard.as_mut()?) {
        Ok(v) => Some(v),
        Err(_) => {
            // drop a broken connection; the next call reconnects
            *guard = None;
            None
        }
    }
}

pub fn get_preview(key: &str) -> Option<String> {
    with_conn(|c| c.get::<_, Option<String>>(format!("jpick:preview:{key}"))).flatten()
}

pub fn put_preview(key: &str, text: &str) {
    let _ = with_conn(|c| c.set_ex::<_, _, ()>(format!("jpick:preview:{key}"), text, 600));
}
