//! The subset of Suricata's EVE JSON we care about.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Eve {
    pub timestamp: String,
    pub event_type: String,
    #[serde(default)]
    pub src_ip: Option<String>,
    #[serde(default)]
    pub dest_ip: Option<String>,
    #[serde(default)]
    pub dest_port: Option<u16>,
    #[serde(default)]
    pub proto: Option<String>,
    #[serde(default)]
    pub alert: Option<Alert>,
    #[serde(default)]
    pub in_iface: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Alert {
    pub signature_id: i64,
    pub signature: String,
    pub category: String,
    pub severity: i32,
    #[serde(default)]
    pub action: Option<String>,
}

impl Eve {
    pub fn parse(line: &str) -> Option<Eve> {
        serde_json::from_str(line).ok()
    }

    pub fn is_alert(&self) -> bool {
        self.event_type == "alert" && self.alert.is_some()
    }
}
