use std::time::{SystemTime, UNIX_EPOCH};

use http::Extensions;
use reqwest::{Request, Response};
use reqwest_middleware::{Error, Middleware, Next, Result};

/// Per-partner-host rate limit shared by all relay replicas (fixed one-minute window in Redis).
pub struct HostRateLimit {
    redis_url: String,
    per_minute: i64,
}

impl HostRateLimit {
    pub fn new(redis_url: String, per_minute: i64) -> Self {
        Self { redis_url, per_minute }
    }
}

fn current_minute() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 60)
        .unwrap_or_default()
}

#[async_trait::async_trait]
impl Middleware for HostRateLimit {
    async fn handle(
        &self,
        req: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> Result<Response> {
        let host = req.url().host_str().unwrap_or("unknown").to_owned();
        let key = format!("relay:rl:{host}:{}", current_minute());

        let client = redis::Client::open(self.redis_url.as_str()).map_err(Error::middleware)?;
        let mut con = client
            .get_multiplexed_async_connection()
            .await
            .map_err(Error::middleware)?;
        let (count,): (i64,) = redis::pipe()
            .atomic()
            .incr(&key, 1)
            .expire(&key, 120)
            .ignore()
            .query_async(&mut con)
            .await
            .map_err(Error::middleware)?;

        if count > self.per_minute {
            return Err(Error::Middleware(anyhow::anyhow!(
                "rate limit for {host} exceeded ({count}/{})",
                self.per_minute
            )));
        }
        next.run(req, extensions).await
    }
}
