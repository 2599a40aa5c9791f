use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Ticket {
    pub id: String,
    pub subject: String,
    pub status: String,
}

/// Thin wrapper over the helpdesk REST API. Cloning shares the inner
/// reqwest connection pool (reqwest::Client is an Arc internally).
#[derive(Clone)]
pub struct HelpdeskApi {
    base: String,
    client: reqwest::Client,
}

impl HelpdeskApi {
    pub fn new(base: String, token: String) -> anyhow::Result<Self> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::AUTHORIZATION, format!("Bearer {token}").parse()?);
        let client = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(15))
            .build()?;
        Ok(Self { base, client })
    }

    pub async fn ticket(&self, id: &str) -> anyhow::Result<Ticket> {
        Ok(self
            .client
            .get(format!("{}/api/tickets/{id}", self.base))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }

    pub async fn close_ticket(&self, id: &str) -> anyhow::Result<()> {
        self.client
            .post(format!("{}/api/tickets/{id}/close", self.base))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
