use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::json;

/// Pushes the flag snapshot to the edge config store.
pub struct EdgePublisher {
    http: reqwest::Client,
    endpoint: String,
    token: String,
}

impl EdgePublisher {
    pub fn from_env() -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self {
            http,
            endpoint: std::env::var("EDGE_CONFIG_URL")?,
            token: std::env::var("EDGE_CONFIG_TOKEN")?,
        })
    }

    pub async fn publish(&self, version: u64, flags: &BTreeMap<String, serde_json::Value>) -> anyhow::Result<()> {
        self.http
            .put(format!("{}/items/feature-flags", self.endpoint))
            .bearer_auth(&self.token)
            .json(&json!({ "version": version, "flags": flags }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
