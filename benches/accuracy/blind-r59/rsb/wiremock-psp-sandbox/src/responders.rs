//! wiremock responders. `respond` is called once for every matching request.

use std::sync::Arc;
use std::time::Duration;

use redis::Commands;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::mpsc::UnboundedSender;
use wiremock::{Request, Respond, ResponseTemplate};

use crate::audit::AuditEvent;
use crate::fixtures::FixtureStore;

#[derive(Deserialize)]
struct ChargeRequest {
    amount: i64,
    currency: String,
    card_number: String,
}

pub struct ChargeResponder {
    fixtures: Arc<FixtureStore>,
    audit: UnboundedSender<AuditEvent>,
    redis_url: String,
}

impl ChargeResponder {
    pub fn new(fixtures: Arc<FixtureStore>, audit: UnboundedSender<AuditEvent>) -> Self {
        let redis_url = std::env::var("SANDBOX_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/5".into());
        ChargeResponder { fixtures, audit, redis_url }
    }
}

impl Respond for ChargeResponder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let Ok(charge) = request.body_json::<ChargeRequest>() else {
            return ResponseTemplate::new(400).set_body_json(json!({ "error": "invalid_request" }));
        };
        let key = request
            .headers
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();

        // Replays with the same idempotency key must return the first charge id.
        let charge_id = format!("ch_{}", uuid::Uuid::new_v4().simple());
        let mut con = match redis::Client::open(self.redis_url.as_str()).and_then(|c| c.get_connection()) {
            Ok(con) => con,
            Err(_) => return ResponseTemplate::new(503),
        };
        let first: bool = con.set_nx(format!("psp:idem:{key}"), &charge_id).unwrap_or(true);
        let charge_id: String = if first {
            let _: redis::RedisResult<bool> = con.expire(format!("psp:idem:{key}"), 86_400);
            charge_id
        } else {
            con.get(format!("psp:idem:{key}")).unwrap_or(charge_id)
        };

        let fixture = self.fixtures.lookup(&charge.card_number).cloned();
        let (status, outcome, body) = match fixture {
            Some(f) if f.outcome == "declined" => (
                402,
                "declined".to_string(),
                json!({ "id": charge_id, "status": "failed", "decline_code": f.decline_code }),
            ),
            _ => (
                201,
                "succeeded".to_string(),
                json!({ "id": charge_id, "status": "succeeded", "amount": charge.amount, "currency": charge.currency }),
            ),
        };

        let _ = self.audit.send(AuditEvent { kind: "charge", reference: charge_id, amount: charge.amount, outcome });
        let delay = self.fixtures.lookup(&charge.card_number).map(|f| f.delay_ms).unwrap_or(0);
        ResponseTemplate::new(status).set_body_json(body).set_delay(Duration::from_millis(delay))
    }
}

pub struct RefundResponder {
    audit: UnboundedSender<AuditEvent>,
}

impl RefundResponder {
    pub fn new(audit: UnboundedSender<AuditEvent>) -> Self {
        RefundResponder { audit }
    }
}

impl Respond for RefundResponder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let charge_id = request.url.path().split('/').nth(3).unwrap_or_default().to_string();
        let amount = request
            .body_json::<serde_json::Value>()
            .ok()
            .and_then(|v| v.get("amount").and_then(|a| a.as_i64()))
            .unwrap_or(0);
        let _ = self.audit.send(AuditEvent {
            kind: "refund",
            reference: charge_id.clone(),
            amount,
            outcome: "succeeded".into(),
        });
        ResponseTemplate::new(201).set_body_json(json!({ "id": format!("re_{charge_id}"), "status": "succeeded" }))
    }
}
