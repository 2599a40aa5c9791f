use std::time::Duration;

use serde::Deserialize;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const SUPPORTED: &[&str] = &["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "PLN", "CZK"];

#[derive(Deserialize)]
struct RateResponse {
    rate: f64,
    #[allow(dead_code)]
    as_of: String,
}

/// Converts `amount` from one ISO currency to another using the treasury FX service.
pub fn convert(amount: f64, from: &str, to: &str) -> Result<f64, BoxError> {
    if from.eq_ignore_ascii_case(to) {
        return Ok(amount);
    }
    let to = to.to_ascii_uppercase();
    if !SUPPORTED.contains(&to.as_str()) {
        return Err(format!("unsupported currency {}", to).into());
    }

    let base = std::env::var("FX_SERVICE_URL").unwrap_or_else(|_| "http://fx.internal".to_string());
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()?;
    let resp: RateResponse = http
        .get(format!("{}/v1/rates/{}/{}", base, from, to))
        .send()?
        .error_for_status()?
        .json()?;
    if !(resp.rate.is_finite() && resp.rate > 0.0) {
        return Err(format!("FX service returned a bad rate for {}->{}", from, to).into());
    }
    Ok(amount * resp.rate)
}
