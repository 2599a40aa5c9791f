use std::time::Duration;

use serde::Deserialize;

#[derive(Deserialize)]
struct FuelIndex {
    surcharge_pct: f64,
}

/// Carriers publish their weekly fuel surcharge; the desk wants the live figure.
pub fn fuel_surcharge_pct(carrier: &str) -> anyhow::Result<f64> {
    let base = std::env::var("CARRIER_GATEWAY_URL")
        .unwrap_or_else(|_| "https://carrier-gw.internal".to_owned());

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()?;

    let index: FuelIndex = http
        .get(format!("{base}/v1/carriers/{carrier}/fuel"))
        .send()?
        .error_for_status()?
        .json()?;
    Ok(index.surcharge_pct)
}
