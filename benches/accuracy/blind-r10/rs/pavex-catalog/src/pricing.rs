use std::time::Duration;

use serde::Deserialize;

#[derive(Deserialize)]
struct PriceQuote {
    amount_cents: i64,
}

/// Thin wrapper around the internal pricing service.
pub struct PricingClient {
    http: reqwest::Client,
    base: String,
}

impl PricingClient {
    pub fn new() -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .pool_max_idle_per_host(8)
            .build()
            .expect("failed to build pricing HTTP client");
        let base = std::env::var("PRICING_URL").unwrap_or_else(|_| "http://pricing.internal".into());
        Self { http, base }
    }

    pub async fn current_price(&self, sku: &str) -> Result<i64, reqwest::Error> {
        let quote: PriceQuote = self
            .http
            .get(format!("{}/v1/prices/{sku}", self.base))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(quote.amount_cents)
    }
}
