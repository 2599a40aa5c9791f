use std::time::Duration;

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct EstopAlert {
    pub robot_id: String,
    pub reason: String,
    pub severity: &'static str,
}

impl EstopAlert {
    /// Payload format published by the robots: "<robot_id>|<reason>".
    pub fn parse(raw: &str) -> Self {
        let (robot_id, reason) = raw.split_once('|').unwrap_or((raw, "unspecified"));
        Self {
            robot_id: robot_id.to_string(),
            reason: reason.to_string(),
            severity: "critical",
        }
    }
}

pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("fleet-telemetry/0.2")
        .build()
        .expect("reqwest client")
}
