//! Desktop-security webhook for applications that are not on the allow list.

use std::time::Duration;

use serde::Serialize;

#[derive(Serialize)]
pub struct MicAlert<'a> {
    pub app: &'a str,
    pub binary: &'a str,
    pub index: u32,
}

fn endpoint() -> Option<String> {
    std::env::var("MIC_ALERT_WEBHOOK").ok()
}

pub fn send(alert: &MicAlert<'_>) {
    let Some(url) = endpoint() else {
        return;
    };
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();

    let client = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("pulse-mic-tracker/0.2")
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            log::error!("http client: {e}");
            return;
        }
    };

    let body = serde_json::json!({
        "host": host.trim(),
        "app": alert.app,
        "binary": alert.binary,
        "stream": alert.index,
    });
    match client.post(&url).json(&body).send() {
        Ok(resp) if resp.status().is_success() => {}
        Ok(resp) => log::warn!("alert webhook answered {}", resp.status()),
        Err(e) => log::warn!("alert webhook failed: {e}"),
    }
}
