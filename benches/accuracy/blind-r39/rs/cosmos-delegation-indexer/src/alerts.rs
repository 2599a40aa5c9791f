use serde_json::json;

use crate::store::Delegation;

pub const WHALE_THRESHOLD: i64 = 250_000_000_000;

pub async fn whale_delegation(d: &Delegation) -> anyhow::Result<()> {
    let hook = std::env::var("SLACK_WEBHOOK_URL")?;
    let client = reqwest::Client::new();
    client
        .post(hook)
        .json(&json!({
            "text": format!("Whale delegation: {} -> {} ({} uatom), tx {}", d.delegator, d.validator, d.amount, d.tx_hash)
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
