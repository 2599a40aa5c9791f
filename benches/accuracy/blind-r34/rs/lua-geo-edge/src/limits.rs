use std::time::{SystemTime, UNIX_EPOCH};

fn current_minute() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 60)
        .unwrap_or(0)
}

/// Fixed-window limiter shared by all nginx workers on the box.
pub fn check(api_key: &str, per_minute: u32) -> redis::RedisResult<bool> {
    let url = std::env::var("RATE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/0".into());
    let client = redis::Client::open(url)?;
    let mut con = client.get_connection()?;

    let key = format!("rl:{api_key}:{}", current_minute());
    let (count,): (u32,) = redis::pipe()
        .atomic()
        .incr(&key, 1)
        .expire(&key, 90)
        .ignore()
        .query(&mut con)?;
    Ok(count <= per_minute)
}
