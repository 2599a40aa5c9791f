use std::time::Duration;

use serde_json::json;

pub fn file_report(reporter: &str, offender: &str, reason: &str) -> anyhow::Result<()> {
    let webhook = std::env::var("MODERATION_WEBHOOK")?;
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;
    client
        .post(webhook)
        .json(&json!({
            "reporter": reporter,
            "offender": offender,
            "reason": reason,
            "source": "lobby",
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
