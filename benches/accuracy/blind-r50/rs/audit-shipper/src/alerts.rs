use std::collections::HashMap;

use mongodb::bson::{doc, DateTime, Document};
use mongodb::{Client, Collection};
use serde_json::json;

pub struct AlertSink {
    alerts: Collection<Document>,
    webhook: String,
}

impl AlertSink {
    pub async fn connect() -> anyhow::Result<Self> {
        let uri = std::env::var("AUDIT_MONGO_URI")?;
        let client = Client::with_uri_str(&uri).await?;
        Ok(Self {
            alerts: client.database("security").collection("alerts"),
            webhook: std::env::var("ALERT_WEBHOOK_URL")?,
        })
    }

    pub fn is_privileged(kind: &str, fields: &HashMap<String, String>) -> bool {
        kind == "USER_CMD" || (kind == "SYSCALL" && fields.get("euid").map(String::as_str) == Some("0")
            && fields.get("auid").map(|a| a != "0" && a != "4294967295").unwrap_or(false))
    }

    pub async fn raise(&self, host: &str, kind: &str, fields: &HashMap<String, String>) -> anyhow::Result<()> {
        let summary = format!(
            "{kind} on {host} by auid={} exe={}",
            fields.get("auid").map(String::as_str).unwrap_or("?"),
            fields.get("exe").map(String::as_str).unwrap_or("?")
        );
        self.alerts
            .insert_one(doc! { "host": host, "summary": &summary, "raised_at": DateTime::now() })
            .await?;

        let http = reqwest::Client::new();
        http.post(&self.webhook)
            .json(&json!({ "severity": "warning", "source": host, "summary": summary }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
