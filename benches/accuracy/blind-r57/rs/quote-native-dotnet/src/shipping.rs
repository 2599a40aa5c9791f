//! Delivery estimate from the carrier's rating API.

use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct RateRequest<'a> {
    origin: &'a str,
    destination: &'a str,
    parcels: i32,
}

#[derive(Deserialize)]
struct RateResponse {
    transit_days: i32,
}

pub fn eta_days(postcode: &str, quantity: i32) -> Result<i32, reqwest::Error> {
    let base = std::env::var("CARRIER_API_URL")
        .unwrap_or_else(|_| "https://api.carrier.example/v2".to_string());
    let key = std::env::var("CARRIER_API_KEY").unwrap_or_default();
    let parcels = (quantity + 9) / 10;

    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()?;
    let resp: RateResponse = client
        .post(format!("{base}/rates/estimate"))
        .bearer_auth(key)
        .json(&RateRequest {
            origin: "NL-5928",
            destination: postcode,
            parcels,
        })
        .send()?
        .error_for_status()?
        .json()?;
    Ok(resp.transit_days)
}
