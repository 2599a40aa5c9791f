use std::net::IpAddr;
use std::time::Duration;

use serde::Deserialize;

#[derive(Clone)]
pub struct GeoLookup {
    http: reqwest::Client,
    base: String,
}

#[derive(Deserialize)]
struct GeoAnswer {
    country_code: String,
}

impl GeoLookup {
    pub fn new(base: String) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(3)).build()?;
        Ok(Self { http, base })
    }

    pub async fn country(&self, ip: IpAddr) -> reqwest::Result<String> {
        let answer: GeoAnswer = self.http.get(format!("{}/{ip}", self.base)).send().await?.error_for_status()?.json().await?;
        Ok(answer.country_code)
    }
}
