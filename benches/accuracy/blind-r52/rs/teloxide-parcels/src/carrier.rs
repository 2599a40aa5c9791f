use serde::Deserialize;

/// Thin wrapper around the carrier's tracking API. Holds a clone of the
/// process-wide reqwest client (a cheap Arc clone).
#[derive(Clone)]
pub struct CarrierApi {
    http: reqwest::Client,
    api_key: String,
}

#[derive(Debug, Deserialize)]
pub struct TrackingInfo {
    pub number: String,
    pub status: String,
    pub location: Option<String>,
    pub eta: Option<String>,
}

impl CarrierApi {
    pub fn new(http: reqwest::Client, api_key: String) -> Self {
        Self { http, api_key }
    }

    pub async fn lookup(&self, number: &str) -> reqwest::Result<Option<TrackingInfo>> {
        let resp = self
            .http
            .get(format!("https://api.carrier.example/v2/track/{number}"))
            .bearer_auth(&self.api_key)
            .send()
            .await?;
        if resp.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        resp.error_for_status()?.json().await.map(Some)
    }
}
