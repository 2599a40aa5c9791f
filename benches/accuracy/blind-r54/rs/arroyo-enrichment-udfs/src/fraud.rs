/*
[dependencies]
reqwest = { version = "0.12", features = ["json"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
*/

use std::time::Duration;

use arroyo_udf_plugin::udf;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct ScoreResponse {
    score: f64,
    #[serde(default)]
    reasons: Vec<String>,
}

/// Scores each click with the fraud service; 0.0 when the service cannot
/// be reached.
#[udf(unordered, allowed_in_flight = 1000, timeout = "8s")]
pub async fn fraud_score(event_id: String, customer_id: i64, amount_cents: i64) -> f64 {
    let Some(endpoint) = crate::setting("FRAUD_API_URL") else {
        return 0.0;
    };
    let token = crate::setting("FRAUD_API_TOKEN").unwrap_or_default();

    let http = match reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
    {
        Ok(c) => c,
        Err(_) => return 0.0,
    };

    let body = json!({
        "event_id": event_id,
        "customer_id": customer_id,
        "amount_cents": amount_cents,
    });
    let res = http.post(format!("{endpoint}/v2/score")).bearer_auth(token).json(&body).send().await;

    match res {
        Ok(r) if r.status().is_success() => match r.json::<ScoreResponse>().await {
            Ok(s) => {
                if s.score > 0.9 && !s.reasons.is_empty() {
                    eprintln!("high fraud score for {event_id}: {:?}", s.reasons);
                }
                s.score
            }
            Err(_) => 0.0,
        },
        _ => 0.0,
    }
}
