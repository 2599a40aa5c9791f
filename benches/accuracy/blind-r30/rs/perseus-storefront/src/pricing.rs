use serde::Deserialize;
use std::time::Duration;

#[derive(Deserialize)]
struct PriceQuote {
    display: String,
}

/// Builds a client for the internal pricing service.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .user_agent("northwind-storefront/1.4")
        .build()
        .expect("pricing client")
}

pub async fn member_price(
    client: &reqwest::Client,
    customer_id: i64,
    sku: &str,
) -> Result<String, reqwest::Error> {
    let base = std::env::var("PRICING_URL").unwrap_or_else(|_| "http://pricing.internal:8080".into());
    let quote: PriceQuote = client
        .get(format!("{base}/v2/quote"))
        .query(&[("customer", customer_id.to_string()), ("sku", sku.to_string())])
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(quote.display)
}
