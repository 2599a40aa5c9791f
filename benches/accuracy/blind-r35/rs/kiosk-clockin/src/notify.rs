use std::time::Duration;

use serde_json::json;

/// Posts "X clocked in at <site>" to the team's chat channel.
pub fn team_channel(name: &str, direction: &str, site: &str) -> anyhow::Result<()> {
    let webhook = std::env::var("TEAM_WEBHOOK_URL")?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;
    http.post(webhook)
        .json(&json!({ "text": format!("{name} clocked {direction} at {site} ({})", chrono::Local::now().format("%H:%M")) }))
        .send()?
        .error_for_status()?;
    Ok(())
}
