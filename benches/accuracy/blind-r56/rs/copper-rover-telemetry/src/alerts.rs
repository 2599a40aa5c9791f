//! Operator paging through the orchard's alerting gateway.
//!
//! The gateway fans pages out to the on-shift operator's phone and the
//! orchard control room display.

use cu29::prelude::*;
use std::time::Duration;

fn rover_id() -> String {
    std::fs::read_to_string("/etc/rover-id").map(|s| s.trim().to_owned()).unwrap_or_else(|_| "unknown".into())
}

pub fn page_operator(reason: &str, clock_ns: u64) -> CuResult<()> {
    let gateway = std::env::var("ALERT_GATEWAY").unwrap_or_else(|_| "https://alerts.orchard.internal".into());
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(800))
        .build()
        .map_err(|e| CuError::new_with_cause("alerts: client", e))?;

    client
        .post(format!("{gateway}/v1/page"))
        .json(&serde_json::json!({
            "rover": rover_id(),
            "severity": "critical",
            "reason": reason,
            "robot_clock_ns": clock_ns,
        }))
        .send()
        .and_then(|r| r.error_for_status())
        .map_err(|e| CuError::new_with_cause("alerts: send", e))?;
    Ok(())
}
