use std::time::Duration;

use anyhow::Result;
use serde_json::json;

use crate::spot::{self, Spot};

/// Posts a wanted-DXCC spot to the club chat's incoming webhook.
pub fn announce(webhook_url: &str, spot: &Spot) -> Result<()> {
    let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(5)).user_agent("dxcluster-spot-logger/0.3").build()?;
    let text = format!(
        ":satellite_antenna: **{}** on {:.1} kHz ({}) spotted by {} {} {}",
        spot.dx_call,
        spot.freq_khz,
        spot::band(spot.freq_khz),
        spot.spotter,
        spot.comment,
        spot.time_utc
    );
    http.post(webhook_url)
        .json(&json!({ "text": text }))
        .send()?
        .error_for_status()?;
    Ok(())
}
