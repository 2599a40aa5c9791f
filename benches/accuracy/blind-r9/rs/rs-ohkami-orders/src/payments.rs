use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct ChargeRequest<'a> {
    order_id: i64,
    amount_cents: i64,
    currency: &'a str,
}

#[derive(Deserialize)]
pub struct ChargeResponse {
    pub charge_id: String,
    pub status: String,
}

pub struct PaymentGateway {
    http: reqwest::Client,
    base: String,
}

impl PaymentGateway {
    pub fn new() -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .pool_max_idle_per_host(8)
            .build()
            .expect("payments http client");
        let base = std::env::var("PAYMENTS_URL").unwrap_or_else(|_| "https://pay.internal".into());
        Self { http, base }
    }

    pub async fn charge(&self, order_id: i64, amount_cents: i64) -> Result<ChargeResponse, reqwest::Error> {
        self.http
            .post(format!("{}/v1/charges", self.base))
            .json(&ChargeRequest { order_id, amount_cents, currency: "EUR" })
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}
