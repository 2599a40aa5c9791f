use anyhow::Result;
use etherparse::{NetSlice, SlicedPacket};
use redis::Commands;

pub enum Decision {
    Allow,
    Block { src: String },
}

/// Classify one queued packet (called for every packet the kernel hands us).
pub fn decide(payload: &[u8]) -> Result<Decision> {
    let packet = SlicedPacket::from_ip(payload)?;
    let src = match &packet.net {
        Some(NetSlice::Ipv4(v4)) => v4.header().source_addr().to_string(),
        Some(NetSlice::Ipv6(v6)) => v6.header().source_addr().to_string(),
        _ => return Ok(Decision::Allow),
    };

    if is_blocked(&src)? {
        Ok(Decision::Block { src })
    } else {
        Ok(Decision::Allow)
    }
}

fn is_blocked(ip: &str) -> redis::RedisResult<bool> {
    let url = std::env::var("BLOCKLIST_REDIS_URL")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379/2".to_string());
    let client = redis::Client::open(url)?;
    let mut con = client.get_connection()?;

    if con.sismember("blocklist:ips", ip)? {
        return Ok(true);
    }
    // temporary bans written by the brute-force detector expire on their own
    con.exists(format!("blocklist:temp:{ip}"))
}
