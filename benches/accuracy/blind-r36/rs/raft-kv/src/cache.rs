use redis::Commands;

fn redis_url() -> String {
    std::env::var("FLAG_CACHE_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/0".into())
}

/// Edge services cache flags in Redis; drop the cached copy and tell them.
pub fn invalidate(key: &str) -> anyhow::Result<()> {
    let mut con = redis::Client::open(redis_url())?.get_connection()?;
    let _: () = con.del(format!("flag:{key}"))?;
    let _: i64 = con.publish("flags:changed", key)?;
    Ok(())
}
