use std::time::Duration;

/// Connection to the Redis instance the status page reads "current state" from.
pub fn connect() -> redis::RedisResult<redis::Connection> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/2".into());
    let client = redis::Client::open(url)?;
    client.get_connection_with_timeout(Duration::from_millis(500))
}
