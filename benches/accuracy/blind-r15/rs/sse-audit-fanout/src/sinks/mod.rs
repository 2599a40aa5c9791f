pub mod activity;
pub mod archive;
pub mod ledger;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditEvent {
    pub id: String,
    pub org_id: String,
    pub actor: String,
    pub action: String,
    pub resource: String,
    pub occurred_at: String,
    #[serde(default)]
    pub regulated: bool,
}

#[async_trait]
pub trait Sink: Send + Sync {
    fn name(&self) -> &'static str;

    fn wants(&self, _event: &AuditEvent) -> bool {
        true
    }

    async fn handle(&self, event: &AuditEvent) -> anyhow::Result<()>;
}
