//! Pushes readings to the hosted greenhouse dashboard.

use std::time::Duration;

use serde::Serialize;

use crate::sensor::Reading;

#[derive(Serialize)]
struct Sample<'a> {
    house: &'a str,
    celsius: f64,
    humidity: f64,
    firmware: &'static str,
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Called from the sampling loop every 10 seconds.
pub fn upload(base: &str, token: &str, house: &str, r: &Reading) -> anyhow::Result<()> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(4))
        .user_agent(concat!("greenhouse-logger/", env!("CARGO_PKG_VERSION")))
        .build()?;
    let body = Sample {
        house,
        celsius: round1(r.celsius),
        humidity: round1(r.humidity),
        firmware: env!("CARGO_PKG_VERSION"),
    };
    http.post(format!("{base}/api/v1/samples"))
        .bearer_auth(token)
        .json(&body)
        .send()?
        .error_for_status()?;
    Ok(())
}
