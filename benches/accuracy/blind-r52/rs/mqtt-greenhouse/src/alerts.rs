use serde::Serialize;
use std::time::Duration;

#[derive(Serialize)]
struct PagerPayload<'a> {
    routing_key: &'a str,
    event_action: &'a str,
    payload: PagerBody<'a>,
}

#[derive(Serialize)]
struct PagerBody<'a> {
    summary: String,
    source: &'a str,
    severity: &'a str,
}

/// Raise an incident when a sensor crosses its threshold.
pub async fn raise(house: &str, sensor: &str, value: f64, limit: f64) -> anyhow::Result<()> {
    let routing_key = std::env::var("PAGER_ROUTING_KEY")?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let body = PagerPayload {
        routing_key: &routing_key,
        event_action: "trigger",
        payload: PagerBody {
            summary: format!("{house}/{sensor} = {value:.1} (limit {limit:.1})"),
            source: house,
            severity: if value > limit * 1.2 { "critical" } else { "warning" },
        },
    };
    client
        .post("https://events.pagerduty.com/v2/enqueue")
        .json(&body)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
