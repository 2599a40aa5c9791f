use std::env;
use std::time::Duration;

use serde_json::json;

/// Fan a "ticket created" event out to the team's chat webhook.
pub async fn post_ticket_created(title: &str) {
    let hook = match env::var("CHAT_WEBHOOK_URL") {
        Ok(h) => h,
        Err(_) => return,
    };

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("http client");

    let _ = http
        .post(&hook)
        .json(&json!({ "text": format!("New ticket: {title}") }))
        .send()
        .await;
}
