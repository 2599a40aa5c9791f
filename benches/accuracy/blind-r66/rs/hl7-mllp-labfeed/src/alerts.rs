use std::time::Duration;

use serde_json::json;

use crate::hl7::{Observation, OruMessage};

/// Posts a critical value to the on-call paging service so a nurse phones the ward.
pub async fn page_critical(msg: &OruMessage, obs: &Observation) -> anyhow::Result<()> {
    let endpoint = std::env::var("PAGER_WEBHOOK_URL")?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;
    client
        .post(&endpoint)
        .json(&json!({
            "mrn": msg.mrn,
            "accession": msg.accession,
            "test": obs.name,
            "value": format!("{} {}", obs.value, obs.units),
            "flag": obs.abnormal_flag,
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
