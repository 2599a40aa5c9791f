//! Upload to the Elite Dangerous Data Network (journal/1 schema).
use std::time::Duration;

use anyhow::{bail, Result};
use serde_json::{json, Map, Value};

use crate::Config;

const SOFTWARE: &str = "SquadronRelay";

/// EDDN rejects personal data and `*_Localised` keys.
fn scrub(event: &Value) -> Value {
    let mut out = Map::new();
    if let Some(obj) = event.as_object() {
        for (k, v) in obj {
            if k.ends_with("_Localised") || matches!(k.as_str(), "ActiveFine" | "CockpitBreach" | "BoostUsed" | "FuelLevel" | "FuelUsed" | "JumpDist" | "Wanted") {
                continue;
            }
            out.insert(k.clone(), v.clone());
        }
    }
    Value::Object(out)
}

pub async fn send(cfg: &Config, event: &Value) -> Result<()> {
    let body = json!({
        "$schemaRef": "https://eddn.edcd.io/schemas/journal/1",
        "header": {
            "uploaderID": cfg.uploader_id,
            "softwareName": SOFTWARE,
            "softwareVersion": env!("CARGO_PKG_VERSION"),
        },
        "message": scrub(event),
    });
    let client = reqwest::Client::builder()
        .user_agent(format!("{SOFTWARE}/{}", env!("CARGO_PKG_VERSION")))
        .timeout(Duration::from_secs(10))
        .build()?;
    let resp = client.post(&cfg.eddn_url).json(&body).send().await?;
    if !resp.status().is_success() {
        bail!("EDDN answered {}: {}", resp.status(), resp.text().await.unwrap_or_default());
    }
    Ok(())
}
