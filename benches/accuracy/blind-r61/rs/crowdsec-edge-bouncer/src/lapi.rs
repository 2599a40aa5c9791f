use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Decision {
    pub id: i64,
    pub origin: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub scope: String,
    pub value: String,
    pub duration: String,
    pub scenario: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionStream {
    #[serde(default)]
    pub new: Option<Vec<Decision>>,
    #[serde(default)]
    pub deleted: Option<Vec<Decision>>,
}

/// Client for the CrowdSec Local API, authenticated with the bouncer key.
pub struct Lapi {
    http: reqwest::Client,
    base: String,
}

impl Lapi {
    pub fn from_env() -> anyhow::Result<Self> {
        let base = std::env::var("CROWDSEC_LAPI_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".to_string());
        let key = std::env::var("CROWDSEC_BOUNCER_KEY")?;
        let mut headers = HeaderMap::new();
        headers.insert("X-Api-Key", HeaderValue::from_str(&key)?);
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .user_agent("crowdsec-edge-bouncer/0.6")
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self { http, base })
    }

    /// `startup=true` returns the full set of active decisions; later calls
    /// return only what changed since the previous call.
    pub async fn decisions_stream(&self, startup: bool) -> reqwest::Result<DecisionStream> {
        self.http
            .get(format!("{}/v1/decisions/stream", self.base))
            .query(&[("startup", startup)])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}
