//! Per-project egress allow-lists, maintained by the platform team's admin UI
//! in Redis: `egress:{project}` is a set of "ip:port" and "cidr:*" members,
//! `egress:global` applies to every project (package mirrors, the cache).
use std::net::SocketAddr;

use redis::Commands;

pub fn is_allowed(redis_url: &str, project: &str, addr: &SocketAddr) -> redis::RedisResult<bool> {
    let client = redis::Client::open(redis_url)?;
    let mut con = client.get_connection()?;

    let exact = addr.to_string();
    let any_port = format!("{}:*", addr.ip());
    for key in [format!("egress:{project}"), "egress:global".to_string()] {
        let hits: Vec<bool> = redis::pipe()
            .sismember(&key, &exact)
            .sismember(&key, &any_port)
            .query(&mut con)?;
        if hits.iter().any(|h| *h) {
            return Ok(true);
        }
    }
    let _: () = con.incr(format!("egress:denied:{project}"), 1)?;
    Ok(false)
}
