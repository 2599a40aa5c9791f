//! Alert rules (stored in MongoDB, edited from the SecOps console) and the
//! alerts they raise.

use mongodb::bson::{doc, DateTime, Document};
use mongodb::{Client, Collection};
use serde::Deserialize;

use crate::ExecEvent;

#[derive(Debug, Deserialize, Clone)]
struct Rule {
    name: String,
    /// Substring match on the executed path.
    path_contains: String,
    /// Only alert for these uids (empty = any).
    #[serde(default)]
    uids: Vec<u32>,
    severity: String,
}

pub struct AlertRules {
    host: String,
    rules: Vec<Rule>,
    alerts: Collection<Document>,
}

impl AlertRules {
    pub async fn load(host: &str) -> anyhow::Result<Self> {
        let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://mongo.internal:27017".into());
        let client = Client::with_uri_str(&uri).await?;
        let db = client.database("secops");

        let mut rules = Vec::new();
        let mut cursor = db
            .collection::<Rule>("exec_rules")
            .find(doc! { "enabled": true })
            .await?;
        while cursor.advance().await? {
            rules.push(cursor.deserialize_current()?);
        }

        Ok(Self { host: host.to_string(), rules, alerts: db.collection("alerts") })
    }

    pub async fn evaluate(&self, ev: &ExecEvent) -> anyhow::Result<()> {
        let path = ev.filename();
        for rule in &self.rules {
            if !path.contains(&rule.path_contains) {
                continue;
            }
            if !rule.uids.is_empty() && !rule.uids.contains(&ev.uid) {
                continue;
            }
            self.alerts
                .insert_one(doc! {
                    "host": &self.host,
                    "rule": &rule.name,
                    "severity": &rule.severity,
                    "path": &path,
                    "uid": ev.uid as i64,
                    "pid": ev.pid as i64,
                    "ts": DateTime::now(),
                })
                .await?;
        }
        Ok(())
    }
}
