//! "You have 50 MB left" SMS through the MVNO's customer messaging API.
use std::time::Duration;

pub async fn low_balance(msisdn: &str, remaining: i64) {
    let api = std::env::var("MESSAGING_API_URL").unwrap_or_else(|_| "https://msg.mvno.example/v1/sms".into());
    let client = match reqwest::Client::builder().timeout(Duration::from_secs(3)).build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("notify: {e}");
            return;
        }
    };
    let body = serde_json::json!({
        "to": msisdn,
        "template": "low_data_balance",
        "params": { "remaining_mb": remaining.max(0) / (1024 * 1024) },
    });
    if let Err(e) = client.post(&api).json(&body).send().await {
        eprintln!("notify: low balance SMS for {msisdn} failed: {e}");
    }
}
