use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthEntry {
    pub node: Node,
    pub service: Service,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Node {
    pub address: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Service {
    #[serde(rename = "ID")]
    pub id: String,
    pub address: String,
    pub port: u16,
}

/// Thin wrapper around the Consul HTTP API; holds the one reqwest client of the process.
#[derive(Clone)]
pub struct Consul {
    http: reqwest::Client,
    base: String,
}

impl Consul {
    pub fn new(base: String) -> reqwest::Result<Self> {
        // blocking queries wait up to 55 s server-side, so the client timeout must be longer
        let http = reqwest::Client::builder().timeout(Duration::from_secs(70)).build()?;
        Ok(Self { http, base })
    }

    pub async fn wait_for_leader(&self) -> anyhow::Result<()> {
        for attempt in 1..=30 {
            match self.http.get(format!("{}/v1/status/leader", self.base)).send().await {
                Ok(r) if r.status().is_success() && r.text().await.map(|t| t.len() > 2).unwrap_or(false) => return Ok(()),
                Ok(_) | Err(_) => tracing::info!(attempt, "consul has no leader yet"),
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
        anyhow::bail!("consul never elected a leader")
    }

    /// One blocking query: returns when the healthy set changes or after ~55 s.
    pub async fn healthy(&self, service: &str, index: u64) -> anyhow::Result<(u64, Vec<HealthEntry>)> {
        let resp = self
            .http
            .get(format!("{}/v1/health/service/{service}", self.base))
            .query(&[("passing", "true"), ("wait", "55s"), ("index", &index.to_string())])
            .send()
            .await?
            .error_for_status()?;
        let new_index = resp
            .headers()
            .get("X-Consul-Index")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        Ok((new_index, resp.json().await?))
    }
}
