use redis::Commands;

/// MiB already transferred today, as accumulated by the log tailer.
pub fn used_today_mib(user: &str) -> anyhow::Result<i64> {
    let client = redis::Client::open(std::env::var("USAGE_REDIS_URL")?.as_str())?;
    let mut con = client.get_connection()?;
    let used: Option<i64> = con.get(format!("usage:{user}:today"))?;
    Ok(used.unwrap_or(0))
}
