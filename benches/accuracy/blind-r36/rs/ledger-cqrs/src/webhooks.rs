use std::time::Duration;

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SettlementNotice<'a> {
    pub invoice_id: &'a str,
    pub customer_id: &'a str,
    pub sequence: usize,
}

/// HTTP client for the customer-facing webhook relay.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("ledger-cqrs/0.3")
        .build()
        .expect("webhook client")
}

pub fn relay_url() -> String {
    std::env::var("WEBHOOK_RELAY_URL")
        .unwrap_or_else(|_| "http://webhook-relay.internal:8080/v1/notices".into())
}
