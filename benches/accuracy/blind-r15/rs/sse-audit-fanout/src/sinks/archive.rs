use async_trait::async_trait;
use mongodb::Client;

use super::{AuditEvent, Sink};

/// Long-term archive, one collection per organisation.
pub struct Archive {
    uri: String,
}

impl Archive {
    pub fn new(uri: String) -> Self {
        Self { uri }
    }
}

#[async_trait]
impl Sink for Archive {
    fn name(&self) -> &'static str {
        "archive"
    }

    async fn handle(&self, event: &AuditEvent) -> anyhow::Result<()> {
        let client = Client::with_uri_str(&self.uri).await?;
        let events = client
            .database("audit_archive")
            .collection::<AuditEvent>(&format!("events_{}", event.org_id));
        events.insert_one(event).await?;
        Ok(())
    }
}
