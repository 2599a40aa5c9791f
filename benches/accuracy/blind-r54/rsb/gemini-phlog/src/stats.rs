//! Per-page hit counters shown on the capsule's footer.

use anyhow::Result;
use redis::AsyncCommands;

const DEFAULT_REDIS: &str = "redis://127.0.0.1:6379/4";

fn redis_url() -> String {
    std::env::var("PHLOG_REDIS_URL").unwrap_or_else(|_| DEFAULT_REDIS.to_string())
}

/// Increment the counter for `page` and return the new total.
pub async fn count_hit(page: &str) -> Result<u64> {
    let client = redis::Client::open(redis_url())?;
    let mut con = client.get_multiplexed_async_connection().await?;
    let key = format!("phlog:hits:{}", page);
    let total: u64 = con.incr(&key, 1).await?;
    Ok(total)
}

pub fn footer(total: u64) -> String {
    match total {
        0 | 1 => "You are the first visitor of this page.".to_string(),
        n if n < 1000 => format!("This page has been read {} times.", n),
        n => format!("This page has been read {}k times.", n / 1000),
    }
}

pub fn slug(segments: &[String]) -> String {
    if segments.is_empty() {
        "index".to_string()
    } else {
        segments.join("/")
    }
}
