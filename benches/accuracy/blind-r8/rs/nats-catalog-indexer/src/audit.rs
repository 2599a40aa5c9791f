use mongodb::bson::{doc, Document};
use mongodb::sync::{Client, Collection};

/// Append-only audit trail, kept next to the catalog collections.
pub struct AuditLog {
    events: Collection<Document>,
}

impl AuditLog {
    pub fn connect() -> anyhow::Result<Self> {
        let uri = std::env::var("MONGODB_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
        let client = Client::with_uri_str(&uri)?;
        let events = client.database("catalog").collection::<Document>("audit_events");
        Ok(Self { events })
    }

    pub fn record(&self, action: &str, sku: &str) -> anyhow::Result<()> {
        self.events.insert_one(
            doc! {
                "action": action,
                "sku": sku,
                "at": mongodb::bson::DateTime::now(),
                "source": "catalog-indexer",
            },
            None,
        )?;
        Ok(())
    }
}
