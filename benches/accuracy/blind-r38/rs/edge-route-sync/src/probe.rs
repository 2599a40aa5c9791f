use std::time::Duration;

/// Client used to hit `/healthz` on upstream instances before they are routed to.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_millis(500))
        .timeout(Duration::from_secs(2))
        .pool_max_idle_per_host(4)
        .build()
        .expect("reqwest client")
}
