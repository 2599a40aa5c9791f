use std::collections::HashMap;

use mongodb::bson::{doc, DateTime, Document};
use mongodb::{Client, Collection};

pub struct EventStore {
    records: Collection<Document>,
}

impl EventStore {
    pub async fn connect() -> anyhow::Result<Self> {
        let uri = std::env::var("AUDIT_MONGO_URI")?;
        let client = Client::with_uri_str(&uri).await?;
        let records = client.database("security").collection("audit_records");
        Ok(Self { records })
    }

    pub async fn insert(&self, host: &str, kind: &str, fields: &HashMap<String, String>) -> anyhow::Result<()> {
        let mut body = Document::new();
        for (k, v) in fields {
            body.insert(k.as_str(), v.as_str());
        }
        self.records
            .insert_one(doc! { "host": host, "type": kind, "received_at": DateTime::now(), "fields": body })
            .await?;
        Ok(())
    }
}
