use std::time::Duration;

use serde::Deserialize;

const FX_BASE_URL: &str = "https://fx.internal.example.net/v2";

#[derive(Debug, Deserialize)]
pub struct FxRate {
    pub base: String,
    pub quote: String,
    pub rate: f64,
}

/// Builds the HTTP client used to talk to the FX service.
pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(2))
        .timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(16)
        .user_agent("catalog-rpc/0.4")
        .build()
}

pub async fn fx_rate(http: &reqwest::Client, quote: &str) -> reqwest::Result<FxRate> {
    http.get(format!("{FX_BASE_URL}/rates/EUR/{quote}"))
        .send()
        .await?
        .error_for_status()?
        .json::<FxRate>()
        .await
}

pub fn convert(price_cents: i64, quantity: i32, rate: &FxRate) -> i64 {
    let eur_total = price_cents as f64 * quantity as f64;
    (eur_total * rate.rate).round() as i64
}
