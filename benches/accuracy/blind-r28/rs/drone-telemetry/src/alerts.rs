use std::time::Duration;

use mavlink::ardupilotmega::{MavSeverity, STATUSTEXT_DATA};
use serde_json::json;

use crate::geofence::Fence;

pub struct Alerter {
    webhook: String,
    http: reqwest::blocking::Client,
}

impl Alerter {
    pub fn new(webhook: String) -> Self {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("alert http client");
        Self { webhook, http }
    }

    pub fn fence_breach(&self, system_id: u8, fence: &Fence) {
        let body = json!({
            "kind": "geofence",
            "system_id": system_id,
            "fence_id": fence.id,
            "fence": fence.name,
        });
        if let Err(err) = self.http.post(&self.webhook).json(&body).send() {
            eprintln!("fence alert for sys {} not delivered: {}", system_id, err);
        }
    }

    /// Autopilot STATUSTEXT messages; only forward the ones the pilot must see.
    pub fn status_text(&self, system_id: u8, text: &STATUSTEXT_DATA) {
        let urgent = matches!(
            text.severity,
            MavSeverity::MAV_SEVERITY_EMERGENCY
                | MavSeverity::MAV_SEVERITY_ALERT
                | MavSeverity::MAV_SEVERITY_CRITICAL
                | MavSeverity::MAV_SEVERITY_ERROR
        );
        if !urgent {
            return;
        }
        let message = String::from_utf8_lossy(&text.text).trim_end_matches('\0').to_string();

        // STATUSTEXT bursts during failsafes, so give these their own short-timeout client
        let client = reqwest::blocking::Client::builder()
            .timeout(Duration::from_millis(800))
            .build()
            .expect("statustext http client");
        let body = json!({
            "kind": "statustext",
            "system_id": system_id,
            "severity": format!("{:?}", text.severity),
            "text": message,
        });
        if let Err(err) = client.post(&self.webhook).json(&body).send() {
            eprintln!("statustext from sys {} not delivered: {}", system_id, err);
        }
    }
}
