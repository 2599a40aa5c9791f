//! Feeds the net grid power to Home Assistant, which throttles the EV
//! charger so the main fuse is never exceeded.

use std::time::Duration;

pub fn push_net_power(webhook: &str, net_kw: f64) -> anyhow::Result<()> {
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()?;
    client
        .post(webhook)
        .json(&serde_json::json!({ "net_kw": net_kw, "source": "p1" }))
        .send()?
        .error_for_status()?;
    Ok(())
}
