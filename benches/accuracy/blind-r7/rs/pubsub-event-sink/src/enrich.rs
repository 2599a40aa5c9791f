use std::sync::LazyLock;
use std::time::Duration;

use serde::Deserialize;

static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_millis(800))
        .pool_max_idle_per_host(16)
        .build()
        .expect("reqwest client")
});

#[derive(Deserialize)]
struct GeoAnswer {
    country_code: String,
}

/// Country lookup against the internal geo-IP service.
pub async fn country_for_ip(ip: &str) -> anyhow::Result<String> {
    let answer: GeoAnswer = HTTP
        .get(format!("http://geoip.internal/v1/lookup/{ip}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(answer.country_code)
}
