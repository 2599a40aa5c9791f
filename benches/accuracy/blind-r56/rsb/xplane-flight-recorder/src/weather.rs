//! Nearest-station METAR, stored with the session so debriefs show the weather.

use serde::Deserialize;
use std::time::Duration;

use crate::config;

#[derive(Deserialize)]
struct MetarRow {
    #[serde(rename = "rawOb")]
    raw: String,
}

pub fn nearest_metar(lat: f64, lon: f64) -> Result<Option<String>, reqwest::Error> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;

    // 0.5 degree box around the aircraft, newest observation first
    let bbox = format!("{},{},{},{}", lat - 0.5, lon - 0.5, lat + 0.5, lon + 0.5);
    let rows: Vec<MetarRow> = http
        .get(config::metar_api())
        .query(&[("bbox", bbox.as_str()), ("format", "json"), ("hours", "1")])
        .send()?
        .error_for_status()?
        .json()?;

    Ok(rows.into_iter().next().map(|r| trim_remarks(&r.raw)))
}

/// Drop the RMK section; the debrief screen only has room for the main group.
fn trim_remarks(raw: &str) -> String {
    match raw.find(" RMK") {
        Some(i) => raw[..i].to_string(),
        None => raw.to_string(),
    }
}
