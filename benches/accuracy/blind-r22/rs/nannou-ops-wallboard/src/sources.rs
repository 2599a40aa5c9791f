use std::time::Duration;

use anyhow::Context;
use redis::Commands;
use serde::Deserialize;

#[derive(Default, Clone)]
pub struct Snapshot {
    pub orders_per_minute: u64,
    pub queue_depth: u64,
    pub payment_p95_ms: u64,
    pub upstream_ok: bool,
    pub upstream_summary: String,
}

#[derive(Deserialize)]
struct StatusSummary {
    status: StatusIndicator,
}

#[derive(Deserialize)]
struct StatusIndicator {
    indicator: String,
    description: String,
}

/// Long-lived handles owned by the wallboard model.
pub struct Sources {
    redis: redis::Connection,
    http: reqwest::blocking::Client,
    status_url: String,
}

impl Sources {
    pub fn connect(redis_url: &str, status_url: &str) -> anyhow::Result<Self> {
        let client = redis::Client::open(redis_url)?;
        let redis = client
            .get_connection_with_timeout(Duration::from_secs(3))
            .context("connecting to redis")?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?;
        Ok(Self { redis, http, status_url: status_url.to_string() })
    }

    pub fn poll(&mut self) -> anyhow::Result<Snapshot> {
        let (orders, depth, p95): (Option<u64>, u64, Option<u64>) = redis::pipe()
            .get("metrics:orders_per_minute")
            .llen("queue:checkout")
            .get("metrics:payment_p95_ms")
            .query(&mut self.redis)?;

        let summary: StatusSummary = self
            .http
            .get(&self.status_url)
            .send()?
            .error_for_status()?
            .json()?;

        let _: () = self.redis.set_ex("wallboard:last_seen", 1, 30)?;

        Ok(Snapshot {
            orders_per_minute: orders.unwrap_or(0),
            queue_depth: depth,
            payment_p95_ms: p95.unwrap_or(0),
            upstream_ok: summary.status.indicator == "none",
            upstream_summary: summary.status.description,
        })
    }
}
