//! Non-compliance MO messages go to the campaign platform's inbound webhook.

use std::time::Duration;

use anyhow::{Context, Result};
use serde_json::json;

pub async fn forward(from: &str, shortcode: &str, text: &str) -> Result<()> {
    let url = std::env::var("KEYWORD_WEBHOOK_URL").context("KEYWORD_WEBHOOK_URL")?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("smpp-optout-gateway/0.3")
        .build()?;
    client
        .post(&url)
        .json(&json!({ "from": from, "to": shortcode, "text": text, "channel": "smpp" }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
