use std::env;
use std::time::Duration;

use serde_json::json;

use crate::Transition;

/// Sends a PagerDuty Events v2 alert for the transition.
pub fn page(host: &str, t: &Transition) -> Result<(), reqwest::Error> {
    let routing_key = env::var("PAGERDUTY_ROUTING_KEY").unwrap_or_default();
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let severity = if t.state == "FAULT" { "critical" } else { "warning" };
    client
        .post("https://events.pagerduty.com/v2/enqueue")
        .json(&json!({
            "routing_key": routing_key,
            "event_action": "trigger",
            "dedup_key": format!("vrrp-{}-{}", t.name, host),
            "payload": {
                "summary": format!("{host}: {} {} is now {}", t.kind, t.name, t.state),
                "source": host,
                "severity": severity,
                "custom_details": { "priority": t.priority }
            }
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
