use std::collections::HashSet;
use std::time::Duration;

use serde_json::json;

/// Owns the one HTTP client used for alerts; built once in main.
pub struct Alerter {
    http: reqwest::Client,
    webhook: String,
    stale: HashSet<String>,
}

impl Alerter {
    pub fn new(webhook: String) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        Ok(Alerter { http, webhook, stale: HashSet::new() })
    }

    /// Alerts once when a peer goes stale and once when it recovers.
    pub async fn observe(&mut self, iface: &str, peer: &str, stale: bool) {
        let changed = if stale {
            self.stale.insert(peer.to_string())
        } else {
            self.stale.remove(peer)
        };
        if !changed {
            return;
        }
        let text = if stale {
            format!("{iface}: peer {peer} has not completed a handshake in 5 minutes")
        } else {
            format!("{iface}: peer {peer} is back")
        };
        if let Err(err) = self.http.post(&self.webhook).json(&json!({ "text": text })).send().await {
            eprintln!("alert delivery failed: {err}");
        }
    }
}
