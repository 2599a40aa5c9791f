//! IP geolocation through the internal geo service.

use std::net::IpAddr;
use std::time::Duration;

use serde::Deserialize;

#[derive(Deserialize)]
struct GeoAnswer {
    country_code: Option<String>,
    #[serde(default)]
    is_anonymous_proxy: bool,
}

/// Returns the ISO country code of `ip`, or `None` for private / unknown
/// addresses and anonymous proxies.
pub fn country_of(ip: &str) -> Result<Option<String>, reqwest::Error> {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) if v4.is_private() || v4.is_loopback() => return Ok(None),
        Ok(IpAddr::V6(v6)) if v6.is_loopback() => return Ok(None),
        Err(_) => return Ok(None),
        _ => {}
    }

    let base = std::env::var("GEO_URL").unwrap_or_else(|_| "http://geo.internal:8080".into());
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()?;
    let answer: GeoAnswer = http
        .get(format!("{base}/v1/ip/{ip}"))
        .send()?
        .error_for_status()?
        .json()?;

    if answer.is_anonymous_proxy {
        return Ok(None);
    }
    Ok(answer.country_code)
}
