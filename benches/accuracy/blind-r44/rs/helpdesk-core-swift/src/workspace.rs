use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::{Deserialize, Serialize};

#[derive(Clone, Deserialize)]
pub struct WorkspaceConfig {
    pub slug: String,
    pub base_url: String,
    pub api_token: String,
}

#[derive(Serialize, Deserialize)]
pub struct Ticket {
    pub id: String,
    pub subject: String,
    pub requester: String,
    pub updated_at: String,
}

/// HTTP client bound to one helpdesk workspace. Built on first use of the
/// workspace and kept in `HelpdeskCore::workspaces` for the life of the app.
#[derive(Clone)]
pub struct WorkspaceClient {
    http: Client,
    base_url: String,
}

impl WorkspaceClient {
    pub fn connect(config: &WorkspaceConfig) -> Result<Self, reqwest::Error> {
        let mut headers = HeaderMap::new();
        let mut auth = HeaderValue::from_str(&format!("Bearer {}", config.api_token))
            .unwrap_or_else(|_| HeaderValue::from_static(""));
        auth.set_sensitive(true);
        headers.insert(AUTHORIZATION, auth);

        let http = Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(15))
            .pool_max_idle_per_host(2)
            .build()?;
        Ok(Self {
            http,
            base_url: config.base_url.trim_end_matches('/').to_string(),
        })
    }

    pub fn open_tickets(&self) -> Result<Vec<Ticket>, reqwest::Error> {
        self.http
            .get(format!("{}/api/v2/tickets?status=open&sort=-updated_at", self.base_url))
            .send()?
            .error_for_status()?
            .json()
    }

    pub fn reply(&self, ticket_id: &str, body: &str) -> Result<(), reqwest::Error> {
        self.http
            .post(format!("{}/api/v2/tickets/{}/replies", self.base_url, ticket_id))
            .json(&serde_json::json!({ "body": body, "public": true }))
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
