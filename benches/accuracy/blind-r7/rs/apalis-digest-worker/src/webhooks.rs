use std::time::Duration;

use serde_json::json;

/// Posts the weekly numbers to a customer's Slack incoming webhook.
pub async fn post_summary(
    url: &str,
    week: &str,
    opened: i64,
    clicked: i64,
) -> Result<(), reqwest::Error> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    client
        .post(url)
        .json(&json!({
            "text": format!("Digest {week}: {opened} opens, {clicked} clicks"),
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
