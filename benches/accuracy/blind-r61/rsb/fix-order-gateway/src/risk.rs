//! Pre-trade risk check against the risk service (limits, restricted list).

use std::time::Duration;

use serde::Deserialize;

use crate::orders::NewOrder;

#[derive(Deserialize)]
pub struct Decision {
    pub accepted: bool,
    pub reason: Option<String>,
}

pub async fn pre_trade_check(account: &str, order: &NewOrder) -> anyhow::Result<Decision> {
    let base = std::env::var("RISK_URL").unwrap_or_else(|_| "http://risk.internal:8080".into());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(250))
        .build()?;
    let body = serde_json::json!({
        "account": account, "symbol": order.symbol, "side": order.side,
        "qty": order.qty, "price": order.price,
    });
    let resp = client.post(format!("{base}/v1/pretrade")).json(&body).send().await?;
    Ok(resp.error_for_status()?.json::<Decision>().await?)
}
