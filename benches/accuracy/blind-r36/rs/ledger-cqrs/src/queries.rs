use async_trait::async_trait;
use cqrs_es::{EventEnvelope, Query};
use sqlx::mysql::MySqlPoolOptions;
use sqlx::PgPool;
use tracing::{info, warn};

use crate::domain::{Invoice, InvoiceEvent};
use crate::webhooks;

/// Appends every committed event to the audit table in the event-store database.
pub struct AuditTrail {
    pub pool: PgPool,
}

#[async_trait]
impl Query<Invoice> for AuditTrail {
    async fn dispatch(&self, aggregate_id: &str, events: &[EventEnvelope<Invoice>]) {
        for event in events {
            let payload = serde_json::to_value(&event.payload).unwrap_or_default();
            let res = sqlx::query(
                "INSERT INTO invoice_audit (invoice_id, seq, payload) VALUES ($1, $2, $3)",
            )
            .bind(aggregate_id)
            .bind(event.sequence as i64)
            .bind(payload)
            .execute(&self.pool)
            .await;
            if let Err(e) = res {
                warn!(aggregate_id, error = %e, "audit insert failed");
            }
        }
    }
}

/// Tells the customer portal when an invoice is fully settled.
pub struct SettlementNotifier;

#[async_trait]
impl Query<Invoice> for SettlementNotifier {
    async fn dispatch(&self, aggregate_id: &str, events: &[EventEnvelope<Invoice>]) {
        for event in events {
            if let InvoiceEvent::Settled { customer_id } = &event.payload {
                let http = webhooks::client();
                let notice = webhooks::SettlementNotice {
                    invoice_id: aggregate_id,
                    customer_id,
                    sequence: event.sequence,
                };
                match http.post(webhooks::relay_url()).json(&notice).send().await {
                    Ok(resp) => info!(aggregate_id, status = %resp.status(), "settlement relayed"),
                    Err(e) => warn!(aggregate_id, error = %e, "settlement relay failed"),
                }
            }
        }
    }
}

/// Keeps the finance team's receivables table (MySQL warehouse) in step.
pub struct ReceivablesProjection {
    pub warehouse_url: String,
}

#[async_trait]
impl Query<Invoice> for ReceivablesProjection {
    async fn dispatch(&self, aggregate_id: &str, events: &[EventEnvelope<Invoice>]) {
        let warehouse = match MySqlPoolOptions::new().max_connections(2).connect(&self.warehouse_url).await {
            Ok(pool) => pool,
            Err(e) => {
                warn!(aggregate_id, error = %e, "warehouse unavailable");
                return;
            }
        };
        for event in events {
            let outstanding = match &event.payload {
                InvoiceEvent::Issued { amount_cents, .. } => *amount_cents,
                InvoiceEvent::PaymentRecorded { outstanding_cents, .. } => *outstanding_cents,
                InvoiceEvent::Settled { .. } => continue,
            };
            let _ = sqlx::query(
                "REPLACE INTO receivables (invoice_id, outstanding_cents, last_seq) VALUES (?, ?, ?)",
            )
            .bind(aggregate_id)
            .bind(outstanding)
            .bind(event.sequence as i64)
            .execute(&warehouse)
            .await;
        }
    }
}
