use std::time::Duration;

use anyhow::{Context, Result};
use serde_json::json;

use crate::doors::Door;

pub fn alert(door: &Door, what: &str) -> Result<()> {
    let url = std::env::var("ALERT_WEBHOOK_URL").context("ALERT_WEBHOOK_URL must be set")?;
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()?;
    client
        .post(url)
        .json(&json!({ "door": door.label, "event": what }))
        .send()?
        .error_for_status()?;
    Ok(())
}
