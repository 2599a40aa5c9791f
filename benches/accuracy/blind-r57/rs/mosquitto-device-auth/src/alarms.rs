//! Alarm fan-out: every message on sites/<site>/alarm is appended to a Redis
//! stream that the on-call dashboard and the pager service consume.

use redis::Commands;

pub fn publish_alarm(
    redis_url: &str,
    device: &str,
    topic: &str,
    payload: &[u8],
) -> redis::RedisResult<()> {
    let site = topic
        .strip_prefix("sites/")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("unknown");

    let client = redis::Client::open(redis_url)?;
    let mut conn = client.get_connection()?;

    let _: String = conn.xadd_maxlen(
        "alarms",
        redis::streams::StreamMaxlen::Approx(100_000),
        "*",
        &[
            ("site", site.as_bytes()),
            ("device", device.as_bytes()),
            ("payload", payload),
        ],
    )?;
    let _: i64 = conn.incr(format!("alarms:count:{site}"), 1)?;
    Ok(())
}
