use std::time::Duration;

use serde_json::json;

/// Packages we never alert on: they are bumped by unattended-upgrades
/// on their own schedule and drift is expected for a day or two.
const IGNORED_PREFIXES: &[&str] = &["linux-image-", "linux-headers-", "tzdata", "ca-certificates"];

fn interesting(drift: &[String]) -> Vec<&String> {
    drift
        .iter()
        .filter(|line| !IGNORED_PREFIXES.iter().any(|p| line.starts_with(p)))
        .collect()
}

/// Posts the drifted package list to the platform channel webhook.
pub async fn drift_alert(webhook: &str, host: &str, drift: &[String]) -> Result<(), reqwest::Error> {
    let lines = interesting(drift);
    if lines.is_empty() {
        return Ok(());
    }
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    let text = format!(
        ":warning: package drift on `{}` ({} packages):\n{}",
        host,
        lines.len(),
        lines.iter().map(|d| format!("• {}", d)).collect::<Vec<_>>().join("\n")
    );
    client
        .post(webhook)
        .json(&json!({ "text": text }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
