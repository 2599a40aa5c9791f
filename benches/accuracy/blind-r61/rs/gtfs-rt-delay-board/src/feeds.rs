use std::collections::HashMap;
use std::time::Duration;

use anyhow::Context;
use gtfs_rt::FeedMessage;
use prost::Message;
use reqwest::header::{HeaderMap, HeaderValue};

use crate::Agency;

struct FeedClient {
    http: reqwest::Client,
    url: String,
}

/// One HTTP client per partner agency (each has its own credentials and
/// default headers), built once from the config file at start-up.
pub struct FeedClients {
    by_agency: HashMap<String, FeedClient>,
}

impl FeedClients {
    pub fn from_agencies(agencies: &[Agency]) -> anyhow::Result<Self> {
        let mut by_agency = HashMap::with_capacity(agencies.len());
        for agency in agencies {
            let mut headers = HeaderMap::new();
            if let (Some(env), Some(header)) = (&agency.api_key_env, &agency.api_key_header) {
                let key = std::env::var(env).with_context(|| format!("{env} is not set"))?;
                headers.insert(
                    reqwest::header::HeaderName::from_bytes(header.as_bytes())?,
                    HeaderValue::from_str(&key)?,
                );
            }
            let http = reqwest::Client::builder()
                .default_headers(headers)
                .timeout(Duration::from_secs(10))
                .gzip(false)
                .build()?;
            by_agency.insert(
                agency.id.clone(),
                FeedClient { http, url: agency.trip_updates_url.clone() },
            );
        }
        Ok(Self { by_agency })
    }

    pub async fn fetch(&self, agency: &str) -> anyhow::Result<FeedMessage> {
        let client = self
            .by_agency
            .get(agency)
            .with_context(|| format!("unknown agency {agency}"))?;
        let body = client
            .http
            .get(&client.url)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        Ok(FeedMessage::decode(body)?)
    }
}
