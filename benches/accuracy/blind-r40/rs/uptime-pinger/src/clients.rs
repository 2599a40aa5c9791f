use std::time::Duration;

/// Built once in main; cloned into every probe task (clones share the pool).
pub fn webhook_client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(4)
        .user_agent("uptime-pinger/2")
        .build()?)
}
