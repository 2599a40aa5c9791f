use std::time::Duration;

use anyhow::Result;
use serde::Deserialize;

#[derive(Deserialize)]
struct ChargeResponse {
    id: String,
}

pub async fn charge(payment_token: &str, amount_cents: i64) -> Result<String> {
    let api = std::env::var("PAYMENTS_API_URL")?;
    let secret = std::env::var("PAYMENTS_SECRET_KEY")?;

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()?;
    let resp: ChargeResponse = client
        .post(format!("{api}/v1/charges"))
        .bearer_auth(secret)
        .json(&serde_json::json!({
            "source": payment_token,
            "amount": amount_cents,
            "currency": "eur",
        }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(resp.id)
}
