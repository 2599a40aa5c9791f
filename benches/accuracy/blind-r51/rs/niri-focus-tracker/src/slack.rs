use std::time::Duration;

use serde_json::json;

/// Posts a gentle reminder to the user's Slack DM webhook.
pub fn nudge(webhook: &str, app_id: &str, spent: Duration) -> Result<(), reqwest::Error> {
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let minutes = spent.as_secs() / 60;
    client
        .post(webhook)
        .json(&json!({
            "text": format!(":hourglass: {minutes} minutes in {app_id}. Time for a break?")
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
