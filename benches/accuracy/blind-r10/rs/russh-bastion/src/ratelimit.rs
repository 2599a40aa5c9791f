use redis::AsyncCommands;

const WINDOW_SECS: i64 = 10;
const MAX_CHUNKS: i64 = 200;

/// Sliding-ish window limiter: at most MAX_CHUNKS input chunks per user per window.
pub async fn allow(user: &str) -> redis::RedisResult<bool> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let client = redis::Client::open(url)?;
    let mut conn = client.get_multiplexed_async_connection().await?;

    let key = format!("bastion:rl:{user}");
    let n: i64 = conn.incr(&key, 1).await?;
    if n == 1 {
        let _: () = conn.expire(&key, WINDOW_SECS).await?;
    }
    Ok(n <= MAX_CHUNKS)
}
