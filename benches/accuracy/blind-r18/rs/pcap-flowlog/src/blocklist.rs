use std::net::IpAddr;

use redis::Commands;

fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/0".into())
}

/// Sources the SOC has blocklisted are not logged (they are handled upstream).
pub fn is_blocked(ip: &IpAddr) -> redis::RedisResult<bool> {
    let mut con = redis::Client::open(redis_url())?.get_connection()?;
    con.sismember("soc:blocklist:ips", ip.to_string())
}
