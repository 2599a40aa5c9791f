use std::time::Duration;

use anyhow::Result;
use serde::Deserialize;

#[derive(Deserialize)]
struct Current {
    temperature_2m: f64,
    wind_speed_10m: f64,
}

#[derive(Deserialize)]
struct Forecast {
    current: Current,
}

#[derive(Deserialize)]
struct Place {
    name: String,
    latitude: f64,
    longitude: f64,
}

#[derive(Deserialize)]
struct GeoResults {
    results: Option<Vec<Place>>,
}

pub async fn lookup(query: &str) -> Result<String> {
    if query.is_empty() {
        return Ok("usage: !weather <city>".into());
    }
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("twitch-chatbot/1.2")
        .build()?;
    let geo: GeoResults = http
        .get("https://geocoding-api.open-meteo.com/v1/search")
        .query(&[("name", query), ("count", "1")])
        .send()
        .await?
        .json()
        .await?;
    let Some(place) = geo.results.and_then(|mut r| r.pop()) else {
        return Ok(format!("no idea where {query} is"));
    };
    let f: Forecast = http
        .get("https://api.open-meteo.com/v1/forecast")
        .query(&[
            ("latitude", place.latitude.to_string()),
            ("longitude", place.longitude.to_string()),
            ("current", "temperature_2m,wind_speed_10m".to_string()),
        ])
        .send()
        .await?
        .json()
        .await?;
    Ok(format!(
        "{}: {:.1}°C, wind {:.0} km/h",
        place.name, f.current.temperature_2m, f.current.wind_speed_10m
    ))
}
