//! Side-effect handlers: run by esrs after each batch of events is committed.

use std::time::Duration;

use async_trait::async_trait;
use esrs::handler::EventHandler;
use esrs::store::StoreEvent;
use serde_json::json;

use crate::aggregate::{Payment, PaymentEvent};

pub struct PayeeNotifier {
    pub webhook_base: String,
    pub signing_key: String,
}

#[async_trait]
impl EventHandler<Payment> for PayeeNotifier {
    async fn handle(&self, event: &StoreEvent<PaymentEvent>) {
        let (kind, payee, amount) = match &event.payload {
            PaymentEvent::Authorized { .. } => return,
            PaymentEvent::Settled { payee, amount_cents } => ("settled", payee, amount_cents),
            PaymentEvent::Refunded { payee, amount_cents } => ("refunded", payee, amount_cents),
        };

        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("reqwest client");
        let body = json!({
            "payment_id": event.aggregate_id,
            "event": kind,
            "amount_cents": amount,
            "occurred_on": event.occurred_on,
        });
        let url = format!("{}/payees/{}/notifications", self.webhook_base, payee);
        match http
            .post(url)
            .header("X-Ledger-Key", &self.signing_key)
            .json(&body)
            .send()
            .await
        {
            Ok(resp) if resp.status().is_success() => {}
            Ok(resp) => tracing::warn!(status = %resp.status(), %payee, "payee webhook rejected"),
            Err(e) => tracing::warn!(error = %e, %payee, "payee webhook failed"),
        }
    }
}
