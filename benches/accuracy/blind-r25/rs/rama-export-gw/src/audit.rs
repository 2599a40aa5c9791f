//! Access audit for partner-visible reports.
//!
//! An `AuditOnDrop` guard is created at the top of a handler; when the
//! handler returns (on any path) the guard posts an audit record to the
//! compliance service.

use std::time::Instant;

use serde::Serialize;

#[derive(Serialize)]
struct AuditRecord {
    action: &'static str,
    user: String,
    partner_id: i64,
    duration_ms: u128,
}

pub struct AuditOnDrop {
    action: &'static str,
    user: String,
    partner_id: i64,
    started: Instant,
}

impl AuditOnDrop {
    pub fn new(action: &'static str, user: &str, partner_id: i64) -> Self {
        Self {
            action,
            user: user.to_string(),
            partner_id,
            started: Instant::now(),
        }
    }
}

impl Drop for AuditOnDrop {
    fn drop(&mut self) {
        let record = AuditRecord {
            action: self.action,
            user: std::mem::take(&mut self.user),
            partner_id: self.partner_id,
            duration_ms: self.started.elapsed().as_millis(),
        };
        let url = std::env::var("COMPLIANCE_URL")
            .unwrap_or_else(|_| "http://compliance.internal/v1/audit".to_string());

        let client = reqwest::Client::new();
        tokio::spawn(async move {
            if let Err(e) = client.post(&url).json(&record).send().await {
                tracing::warn!(error = %e, "audit post failed");
            }
        });
    }
}
