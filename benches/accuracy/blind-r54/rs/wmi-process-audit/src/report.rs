//! Reports watch-listed process starts to the SOC webhook.

use std::collections::HashSet;
use std::time::Duration;

use serde::Serialize;

use crate::ProcessStartTrace;

const DEFAULT_WATCHLIST: &[&str] = &[
    "psexec.exe",
    "psexesvc.exe",
    "mimikatz.exe",
    "procdump.exe",
    "rclone.exe",
    "anydesk.exe",
];

#[derive(Serialize)]
struct Finding<'a> {
    host: &'a str,
    image: &'a str,
    pid: u32,
    ppid: u32,
}

pub struct Reporter {
    host: String,
    webhook: String,
    watchlist: HashSet<String>,
    http: reqwest::Client,
}

impl Reporter {
    /// Built once at start-up; the client is reused for every report.
    pub fn new(host: &str) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self {
            host: host.to_string(),
            webhook: std::env::var("SOC_WEBHOOK")?,
            watchlist: DEFAULT_WATCHLIST.iter().map(|s| s.to_string()).collect(),
            http,
        })
    }

    pub fn is_watched(&self, image: &str) -> bool {
        self.watchlist.contains(&image.to_ascii_lowercase())
    }

    pub async fn report(&self, ev: &ProcessStartTrace) {
        let body = Finding {
            host: &self.host,
            image: &ev.process_name,
            pid: ev.process_id,
            ppid: ev.parent_process_id,
        };
        match self.http.post(&self.webhook).json(&body).send().await {
            Ok(res) if res.status().is_success() => {}
            Ok(res) => tracing::warn!(status = %res.status(), "SOC webhook rejected report"),
            Err(err) => tracing::warn!(%err, "SOC webhook unreachable"),
        }
    }
}
