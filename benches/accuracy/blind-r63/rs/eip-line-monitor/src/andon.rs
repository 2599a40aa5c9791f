use std::time::Duration;

use anyhow::Result;
use serde_json::json;

/// Post a fault to the line's andon channel. Called from the poll loop on every new fault.
pub async fn raise(webhook: &str, line_id: &str, fault_code: i32) -> Result<()> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    client
        .post(webhook)
        .json(&json!({
            "text": format!(":rotating_light: {line_id} stopped, fault {fault_code}"),
            "line": line_id,
            "fault": fault_code,
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
