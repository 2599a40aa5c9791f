use std::time::Duration;

/// Called once from main; the client is cloned (cheap Arc clone) into handlers.
pub fn fraud_client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .timeout(Duration::from_millis(800))
        .pool_max_idle_per_host(8)
        .build()?)
}
