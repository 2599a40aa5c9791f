use redis::Commands;

/// Drops cached flag evaluations at the edge so the new value is picked up.
pub fn invalidate(flag: &str) -> anyhow::Result<()> {
    let url = std::env::var("EDGE_REDIS_URL").unwrap_or_else(|_| "redis://edge-cache:6379/2".into());
    let client = redis::Client::open(url)?;
    let mut con = client.get_connection()?;
    let keys: Vec<String> = con.keys(format!("flag-eval:{flag}:*"))?;
    if !keys.is_empty() {
        let _: () = con.del(keys)?;
    }
    let _: () = con.publish("flags.changed", flag)?;
    Ok(())
}
