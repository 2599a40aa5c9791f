use std::time::Duration;

use anyhow::Result;
use serde_json::{json, Value};

use crate::protocol::Event;

pub struct AlertConfig {
    pub alertmanager_url: String,
    pub watched_services: Vec<String>,
}

impl AlertConfig {
    pub fn from_env() -> Self {
        Self {
            alertmanager_url: std::env::var("ALERTMANAGER_URL")
                .unwrap_or_else(|_| "http://alertmanager:9093".into()),
            watched_services: std::env::var("LOGSINK_WATCHED_SERVICES")
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    pub fn watches(&self, service: &str) -> bool {
        self.watched_services.iter().any(|s| s == service)
    }
}

/// Push error log lines of watched services to Alertmanager (one call per window with errors).
pub async fn forward(cfg: &AlertConfig, host: &str, errors: &[&Event]) -> Result<()> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let alerts: Vec<Value> = errors
        .iter()
        .map(|e| {
            json!({
                "labels": {
                    "alertname": "ServiceErrorLog",
                    "service": e.doc["service"]["name"],
                    "host": host,
                    "severity": "warning",
                },
                "annotations": { "summary": e.doc["message"] },
            })
        })
        .collect();

    http.post(format!("{}/api/v2/alerts", cfg.alertmanager_url))
        .json(&alerts)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
