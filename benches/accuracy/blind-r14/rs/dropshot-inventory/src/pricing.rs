use std::time::Duration;

use serde::{Deserialize, Serialize};
use schemars::JsonSchema;

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
pub struct Quote {
    pub sku: String,
    pub currency: String,
    pub unit_price_cents: i64,
}

/// HTTP client for the pricing service.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .user_agent("inventory-api/0.7")
        .build()
        .expect("building reqwest client")
}

pub async fn fetch_quote(
    http: &reqwest::Client,
    base: &str,
    sku: &str,
) -> Result<Quote, reqwest::Error> {
    http.get(format!("{base}/v2/quotes/{sku}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Quote>()
        .await
}
