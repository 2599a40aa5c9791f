use std::time::Duration;

/// HTTP client for the Meilisearch documents API.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent(concat!("catalog-binlog-sync/", env!("CARGO_PKG_VERSION")))
        .build()
        .expect("failed to build reqwest client")
}
