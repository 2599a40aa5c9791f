use redis::{Client, Connection, RedisResult};

use crate::SETTINGS;

/// Opens a Redis connection using the URL handed over by configure().
pub fn connect() -> RedisResult<Connection> {
    let url = SETTINGS
        .get()
        .map(|s| s.redis_url.clone())
        .unwrap_or_else(|| "redis://127.0.0.1/".to_string());
    let client = Client::open(url)?;
    client.get_connection()
}
