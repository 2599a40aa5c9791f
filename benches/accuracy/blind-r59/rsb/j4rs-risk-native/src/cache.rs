//! Order velocity counters in Redis. The library stays loaded for the life
//! of the JVM, so one small r2d2 pool is created lazily on first use and
//! shared by every Tomcat worker thread.

use std::sync::OnceLock;
use std::time::Duration;

use redis::Commands;

type RedisPool = r2d2::Pool<redis::Client>;

static POOL: OnceLock<RedisPool> = OnceLock::new();

fn pool() -> Result<&'static RedisPool, Box<dyn std::error::Error>> {
    if let Some(p) = POOL.get() {
        return Ok(p);
    }
    let url = std::env::var("RISK_REDIS_URL").unwrap_or_else(|_| "redis://cache.internal/3".into());
    let manager = redis::Client::open(url)?;
    let built = r2d2::Pool::builder()
        .max_size(8)
        .connection_timeout(Duration::from_millis(500))
        .build(manager)?;
    // Another thread may have won the race; keep whichever landed first.
    Ok(POOL.get_or_init(|| built))
}

pub fn bump_velocity(customer_id: i64) -> Result<i64, Box<dyn std::error::Error>> {
    let mut con = pool()?.get()?;
    let key = format!("risk:velocity:{customer_id}");
    let (count, _): (i64, bool) = redis::pipe()
        .atomic()
        .incr(&key, 1)
        .expire(&key, 3600)
        .query(&mut *con)?;
    Ok(count)
}

pub fn reset_velocity(customer_id: i64) -> Result<(), Box<dyn std::error::Error>> {
    let mut con = pool()?.get()?;
    let _: () = con.del(format!("risk:velocity:{customer_id}"))?;
    Ok(())
}
