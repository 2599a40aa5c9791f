//! Client for the data-loss-prevention scanner run by the security team.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tracing::warn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    Deny,
    Unknown,
}

#[derive(Serialize)]
struct ScanRequest<'a> {
    method: &'a str,
    uri: &'a str,
    host: &'a str,
    source: &'static str,
}

#[derive(Deserialize)]
struct ScanResponse {
    action: String,
    #[serde(default)]
    rule: Option<String>,
}

/// Ask the DLP scanner whether an outbound request may leave the network.
/// Fails open (Unknown) when the scanner is slow or unavailable.
pub async fn scan(endpoint: &str, method: &str, uri: &str, host: &str) -> Verdict {
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_millis(800))
        .user_agent("egress-audit-proxy/0.4")
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            warn!("cannot build DLP client: {e}");
            return Verdict::Unknown;
        }
    };

    let body = ScanRequest { method, uri, host, source: "egress-proxy" };
    let resp = match client.post(endpoint).json(&body).send().await {
        Ok(r) if r.status().is_success() => r,
        Ok(r) => {
            warn!(status = %r.status(), "DLP scanner returned an error");
            return Verdict::Unknown;
        }
        Err(e) => {
            warn!("DLP scanner unreachable: {e}");
            return Verdict::Unknown;
        }
    };

    match resp.json::<ScanResponse>().await {
        Ok(r) if r.action == "deny" => {
            warn!(rule = ?r.rule, %host, "DLP denied request");
            Verdict::Deny
        }
        Ok(_) => Verdict::Allow,
        Err(_) => Verdict::Unknown,
    }
}
