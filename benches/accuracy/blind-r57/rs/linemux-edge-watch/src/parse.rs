//! nginx `log_format edge_json escape=json '{...}'` lines.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AccessEntry {
    #[serde(rename = "time_iso8601")]
    pub time: String,
    pub status: u16,
    pub request_method: String,
    pub uri: String,
    #[serde(default)]
    pub request_time: f64,
    #[serde(default)]
    pub upstream_addr: Option<String>,
    #[serde(default)]
    pub body_bytes_sent: u64,
}

pub fn access_line(raw: &str) -> Option<AccessEntry> {
    let raw = raw.trim();
    if raw.is_empty() || !raw.starts_with('{') {
        return None;
    }
    serde_json::from_str(raw).ok()
}

pub fn status_class(status: u16) -> &'static str {
    match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_json_line() {
        let e = access_line(
            r#"{"time_iso8601":"2024-06-01T10:00:00+00:00","status":502,"request_method":"GET","uri":"/","request_time":0.2}"#,
        )
        .unwrap();
        assert_eq!(e.status, 502);
        assert_eq!(status_class(e.status), "5xx");
    }
}
