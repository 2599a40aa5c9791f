use std::time::Duration;

use serde_json::json;

/// Pushes high-priority events to the operator console.
pub struct Dispatcher {
    http: reqwest::Client,
    endpoint: String,
}

impl Dispatcher {
    pub fn new(endpoint: String) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .pool_max_idle_per_host(4)
            .build()?;
        Ok(Self { http, endpoint })
    }

    pub async fn raise(&self, account: &str, code: &str, event_id: i64) -> anyhow::Result<()> {
        self.http
            .post(&self.endpoint)
            .json(&json!({ "account": account, "code": code, "event_id": event_id }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
