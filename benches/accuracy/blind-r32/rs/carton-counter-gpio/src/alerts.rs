use std::time::Duration;

use serde_json::json;

/// Posts a "line restarted after stoppage" card to the shift-lead Teams channel.
pub async fn line_restarted(line_id: u32, gap: Duration) {
    let webhook = match std::env::var("TEAMS_WEBHOOK_URL") {
        Ok(url) => url,
        Err(_) => return,
    };
    let client = match reqwest::Client::builder().timeout(Duration::from_secs(4)).build() {
        Ok(c) => c,
        Err(err) => {
            tracing::warn!("could not build http client: {err}");
            return;
        }
    };
    let text = format!("Line {line_id} restarted after {} min stoppage", gap.as_secs() / 60);
    if let Err(err) = client.post(&webhook).json(&json!({ "text": text })).send().await {
        tracing::warn!("teams alert failed: {err}");
    }
}
