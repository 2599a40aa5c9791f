use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Current {
    temperature_c: f64,
    summary: String,
}

/// HTTP client preconfigured for the weather API.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("discord-stats/0.3")
        .build()
        .expect("failed to build weather client")
}

pub async fn current(http: &reqwest::Client, city: &str) -> Result<String, reqwest::Error> {
    let key = std::env::var("WEATHER_API_KEY").unwrap_or_default();
    let current: Current = http
        .get("https://api.weather.example.com/v2/current")
        .query(&[("q", city), ("key", key.as_str())])
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(format!("{city}: {:.1}°C, {}", current.temperature_c, current.summary))
}
