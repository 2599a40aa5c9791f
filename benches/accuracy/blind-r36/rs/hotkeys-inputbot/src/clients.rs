use std::thread;
use std::time::Duration;

/// Opens the agent's presence connection. Called once from main; the Redis
/// sidecar can take a few seconds to come up after login.
pub fn open_redis() -> anyhow::Result<redis::Connection> {
    let url = std::env::var("PRESENCE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/0".into());
    let client = redis::Client::open(url)?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        match client.get_connection() {
            Ok(con) => return Ok(con),
            Err(e) if attempt < 6 => {
                log::warn!("presence redis not ready ({attempt}): {e}");
                thread::sleep(Duration::from_secs(2));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub fn http() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("http client")
}
