use async_trait::async_trait;
use sqlx::mysql::MySqlPoolOptions;

use super::{AuditEvent, Sink};

/// Regulated events are copied into the compliance ledger (MySQL, owned by the GRC team).
pub struct ComplianceLedger {
    url: String,
}

impl ComplianceLedger {
    pub fn new(url: String) -> Self {
        Self { url }
    }
}

#[async_trait]
impl Sink for ComplianceLedger {
    fn name(&self) -> &'static str {
        "compliance-ledger"
    }

    fn wants(&self, event: &AuditEvent) -> bool {
        event.regulated
    }

    async fn handle(&self, event: &AuditEvent) -> anyhow::Result<()> {
        let pool = MySqlPoolOptions::new().max_connections(1).connect(&self.url).await?;
        sqlx::query(
            "INSERT IGNORE INTO ledger (event_id, org_id, actor, action, resource, occurred_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(&event.id)
        .bind(&event.org_id)
        .bind(&event.actor)
        .bind(&event.action)
        .bind(&event.resource)
        .bind(&event.occurred_at)
        .execute(&pool)
        .await?;
        pool.close().await;
        Ok(())
    }
}
