use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, USER_AGENT};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
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

#[derive(Debug, Deserialize)]
pub struct StreamBatch {
    pub new: Option<Vec<Decision>>,
    pub deleted: Option<Vec<Decision>>,
}

pub struct Lapi {
    http: reqwest::Client,
    base: String,
}

impl Lapi {
    pub fn new(base: String, api_key: &str) -> anyhow::Result<Self> {
        let mut headers = HeaderMap::new();
        headers.insert("X-Api-Key", HeaderValue::from_str(api_key)?);
        headers.insert(
            USER_AGENT,
            HeaderValue::from_static("crowdsec-redis-bouncer/0.5.0"),
        );
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(15))
            .build()?;
        Ok(Self { http, base })
    }

    pub async fn ping(&self) -> anyhow::Result<()> {
        self.http
            .head(format!("{}/v1/decisions", self.base))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    /// First call with startup=true returns the full set, later calls only the delta.
    pub async fn stream(&self, startup: bool) -> anyhow::Result<StreamBatch> {
        let batch = self
            .http
            .get(format!("{}/v1/decisions/stream", self.base))
            .query(&[("startup", startup.to_string())])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(batch)
    }
}

/// CrowdSec durations look like "3h59m58.123s".
pub fn parse_duration(s: &str) -> u64 {
    let (mut total, mut num) = (0f64, String::new());
    for c in s.chars() {
        match c {
            '0'..='9' | '.' => num.push(c),
            'h' | 'm' | 's' => {
                let n: f64 = num.parse().unwrap_or(0.0);
                total += match c {
                    'h' => n * 3600.0,
                    'm' => n * 60.0,
                    _ => n,
                };
                num.clear();
            }
            _ => {}
        }
    }
    total.max(1.0) as u64
}
