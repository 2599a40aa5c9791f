use std::time::Duration;

use serde_json::json;

pub async fn slack(subreddit: &str, title: &str, permalink: &str) -> anyhow::Result<()> {
    let webhook = std::env::var("SLACK_WEBHOOK_URL")?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    client
        .post(webhook)
        .json(&json!({
            "text": format!(":eyes: r/{subreddit}: <https://reddit.com{permalink}|{title}>")
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
