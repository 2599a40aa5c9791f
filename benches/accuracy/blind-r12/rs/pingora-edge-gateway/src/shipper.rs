//! Ships one access-log record per proxied request to the log collector.

use std::time::Duration;

pub fn endpoint() -> String {
    std::env::var("LOG_COLLECTOR_URL")
        .unwrap_or_else(|_| "http://log-collector.internal:9880/ingest".to_string())
}

/// HTTP client used to talk to the collector.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .pool_max_idle_per_host(4)
        .user_agent("edge-gateway/0.1")
        .build()
        .expect("failed to build collector client")
}
