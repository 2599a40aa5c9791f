//! Client for the internal token broker, authenticated with the
//! workstation's device token.

use std::time::Duration;

use anyhow::{Context, Result};
use reqwest::blocking::Client;
use serde::{Deserialize, Serialize};

pub struct BrokerClient {
    http: Client,
    base_url: String,
    device_token: String,
}

#[derive(Serialize)]
struct IssueRequest<'a> {
    host: &'a str,
    repository: &'a str,
    scopes: &'a [&'a str],
}

#[derive(Debug, Deserialize)]
pub struct IssuedToken {
    pub token_id: String,
    pub username: String,
    pub secret: String,
    pub expires_in: u64,
}

impl BrokerClient {
    pub fn from_env() -> Result<Self> {
        let base_url = std::env::var("FORGEBROKER_URL")
            .unwrap_or_else(|_| "https://tokens.corp.example".to_string());
        let token_path = std::env::var("FORGEBROKER_DEVICE_TOKEN_FILE")
            .unwrap_or_else(|_| "/etc/forgebroker/device-token".to_string());
        let device_token = std::fs::read_to_string(&token_path)
            .with_context(|| format!("reading {token_path}"))?
            .trim()
            .to_string();

        let http = Client::builder()
            .timeout(Duration::from_secs(8))
            .user_agent(concat!("git-credential-forgebroker/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { http, base_url, device_token })
    }

    pub fn issue(&self, host: &str, path: &str) -> Result<IssuedToken> {
        let request = IssueRequest {
            host,
            repository: path.trim_end_matches(".git"),
            scopes: &["read_repository", "write_repository"],
        };
        let token = self
            .http
            .post(format!("{}/v1/git-tokens", self.base_url))
            .bearer_auth(&self.device_token)
            .json(&request)
            .send()?
            .error_for_status()?
            .json::<IssuedToken>()?;
        Ok(token)
    }
}
