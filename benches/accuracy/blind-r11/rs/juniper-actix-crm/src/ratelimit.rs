const WINDOW_SECS: i64 = 60;

fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_owned())
}

/// Counts one hit for `caller` in the current rate-limit window.
/// Failures are logged and ignored so a Redis outage never blocks the API.
pub async fn record_hit(caller: &str) {
    let client = match redis::Client::open(redis_url()) {
        Ok(client) => client,
        Err(err) => {
            eprintln!("ratelimit: bad redis url: {err}");
            return;
        }
    };
    let mut con = match client.get_multiplexed_async_connection().await {
        Ok(con) => con,
        Err(err) => {
            eprintln!("ratelimit: redis unavailable: {err}");
            return;
        }
    };

    let key = format!("rl:{caller}");
    let res: redis::RedisResult<()> =
        redis::pipe().atomic().incr(&key, 1).ignore().expire(&key, WINDOW_SECS).ignore().query_async(&mut con).await;
    if let Err(err) = res {
        eprintln!("ratelimit: {err}");
    }
}
