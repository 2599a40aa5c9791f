//! Noise-complaint alerts for the duty manager (Slack-compatible incoming webhook).

use std::time::Duration;

use serde_json::json;

fn webhook_url() -> anyhow::Result<String> {
    std::env::var("ALERT_WEBHOOK_URL").map_err(|_| anyhow::anyhow!("ALERT_WEBHOOK_URL is not set"))
}

/// Sends one alert. Called from the audio callback whenever a buffer is over
/// the limit and the cooldown has passed.
pub fn send(venue: &str, level_db: f32, threshold_db: f32) -> anyhow::Result<()> {
    let url = webhook_url()?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("venue-noise-monitor/0.3")
        .build()?;

    let over = level_db - threshold_db;
    let body = json!({
        "text": format!(
            ":loud_sound: *{venue}* is {over:.1} dB over the licence limit ({level_db:.1} dBFS)"
        ),
        "venue": venue,
        "level_dbfs": level_db,
        "threshold_dbfs": threshold_db,
    });

    let resp = http.post(&url).json(&body).send()?;
    if !resp.status().is_success() {
        anyhow::bail!("webhook answered {}", resp.status());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn over_is_positive() {
        let over: f32 = -6.0 - -12.0;
        assert!(over > 0.0);
    }
}
