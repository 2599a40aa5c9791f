//! Hue API v2 (CLIP v2) bits: the bridge pushes Server-Sent Events on
//! GET /eventstream/clip/v2; each `data:` line is a JSON array of event
//! containers, each holding one or more changed resources.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Deserialize;

#[derive(Deserialize, Debug)]
pub struct EventContainer {
    pub creationtime: chrono::DateTime<chrono::Utc>,
    #[serde(rename = "type")]
    pub kind: String,
    pub data: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct DeviceList {
    data: Vec<Device>,
}

#[derive(Deserialize)]
struct Device {
    id: String,
    metadata: DeviceMeta,
}

#[derive(Deserialize)]
struct DeviceMeta {
    name: String,
}

/// One client for the bridge, built in main: used for the long-lived
/// eventstream request and for the occasional device-name lookup.
pub struct Bridge {
    pub http: reqwest::Client,
    pub host: String,
    pub app_key: String,
    names: HashMap<String, String>,
    names_fetched: Option<Instant>,
}

impl Bridge {
    pub fn new(host: String, app_key: String, root_ca_pem: &[u8]) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(root_ca_pem)?)
            // The bridge certificate's CN is the bridge id, not its LAN IP.
            .danger_accept_invalid_hostnames(true)
            .connect_timeout(Duration::from_secs(5))
            .tcp_keepalive(Duration::from_secs(30))
            .build()?;
        Ok(Self { http, host, app_key, names: HashMap::new(), names_fetched: None })
    }

    pub async fn eventstream(&self) -> reqwest::Result<reqwest::Response> {
        self.http
            .get(format!("https://{}/eventstream/clip/v2", self.host))
            .header("hue-application-key", &self.app_key)
            .header("Accept", "text/event-stream")
            .send()
            .await?
            .error_for_status()
    }

    /// Device display name for an owner rid; refreshes the cached device
    /// list at most once a minute when an unknown device shows up.
    pub async fn device_name(&mut self, rid: &str) -> String {
        if !self.names.contains_key(rid) {
            let stale = self.names_fetched.map_or(true, |t| t.elapsed() > Duration::from_secs(60));
            if stale {
                if let Err(e) = self.refresh_names().await {
                    tracing::warn!("device list refresh failed: {e}");
                }
            }
        }
        self.names.get(rid).cloned().unwrap_or_else(|| rid.to_string())
    }

    async fn refresh_names(&mut self) -> reqwest::Result<()> {
        self.names_fetched = Some(Instant::now());
        let list: DeviceList = self
            .http
            .get(format!("https://{}/clip/v2/resource/device", self.host))
            .header("hue-application-key", &self.app_key)
            .timeout(Duration::from_secs(5))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        self.names = list.data.into_iter().map(|d| (d.id, d.metadata.name)).collect();
        Ok(())
    }
}
