use std::time::Duration;

use clickhouse::{Client, Row};
use serde::Serialize;
use serde_json::json;

#[derive(Row, Serialize)]
pub struct MotionSample {
    pub camera: String,
    pub ts_ms: u64,
    pub level: f32,
}

/// Outbound clients, built once in main before the frame loop starts.
pub struct Sinks {
    clickhouse: Client,
    http: reqwest::Client,
    alert_url: String,
}

impl Sinks {
    pub fn build() -> anyhow::Result<Self> {
        let clickhouse = Client::default()
            .with_url(std::env::var("CLICKHOUSE_URL")?)
            .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "default".into()))
            .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
            .with_database("yard");
        let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
        let alert_url = std::env::var("ALERT_WEBHOOK_URL")?;
        Ok(Self { clickhouse, http, alert_url })
    }

    pub async fn write_samples(&self, rows: &[MotionSample]) -> clickhouse::error::Result<()> {
        let mut insert = self.clickhouse.insert("dock_motion")?;
        for row in rows {
            insert.write(row).await?;
        }
        insert.end().await
    }

    pub async fn alert(&self, camera: &str, level: f32) {
        let body = json!({ "camera": camera, "level": level, "kind": "dock_motion" });
        if let Err(err) = self.http.post(&self.alert_url).json(&body).send().await {
            eprintln!("alert webhook failed: {err}");
        }
    }
}
