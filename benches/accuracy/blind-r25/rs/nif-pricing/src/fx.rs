//! Exchange rates from the treasury service.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;

#[derive(Debug)]
pub enum FxError {
    Http(reqwest::Error),
    MissingRate(String),
}

impl fmt::Display for FxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FxError::Http(e) => write!(f, "fx http error: {e}"),
            FxError::MissingRate(c) => write!(f, "no rate for {c}"),
        }
    }
}

impl From<reqwest::Error> for FxError {
    fn from(e: reqwest::Error) -> Self {
        FxError::Http(e)
    }
}

#[derive(Deserialize)]
struct RateResponse {
    base: String,
    quote: String,
    mid: f64,
}

fn treasury_url() -> String {
    std::env::var("TREASURY_URL").unwrap_or_else(|_| "http://treasury.internal:8080".into())
}

/// Current mid-market rate `from -> to`.
pub fn rate(from: &str, to: &str) -> Result<f64, FxError> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(800))
        .user_agent("pricing-nif/0.3")
        .build()?;

    let resp: RateResponse = http
        .get(format!("{}/v1/rates/{from}/{to}", treasury_url()))
        .send()?
        .error_for_status()?
        .json()?;

    if resp.base != from || resp.quote != to {
        return Err(FxError::MissingRate(to.to_string()));
    }
    Ok(resp.mid)
}
