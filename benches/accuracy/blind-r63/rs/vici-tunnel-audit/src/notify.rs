use std::time::Duration;

use anyhow::Result;
use serde_json::json;

use crate::{inventory::Site, IkeSa};

/// Page the NOC when a critical site's tunnel drops.
pub async fn page(webhook: &str, tunnel: &str, site: &Site, sa: &IkeSa) -> Result<()> {
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(2))
        .timeout(Duration::from_secs(5))
        .build()?;
    client
        .post(webhook)
        .json(&json!({
            "summary": format!("VPN down: {} ({})", site.name, site.code),
            "tunnel": tunnel,
            "remote_host": sa.remote_host,
            "state": sa.state,
            "severity": "critical",
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
