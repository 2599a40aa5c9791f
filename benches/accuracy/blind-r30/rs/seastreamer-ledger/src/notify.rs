use std::time::Duration;

use crate::PaymentEvent;

pub async fn deliver(url: &str, ev: &PaymentEvent) -> reqwest::Result<()> {
    let client = reqwest::Client::new();
    client
        .post(url)
        .timeout(Duration::from_secs(5))
        .json(&serde_json::json!({
            "payment_id": ev.payment_id,
            "kind": ev.kind,
            "amount_cents": ev.amount_cents,
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
