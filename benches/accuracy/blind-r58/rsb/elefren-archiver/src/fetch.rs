//! Fetches remote instance metadata (nodeinfo) for archived posts.
//!
//! Some instances run with authorized fetch and gave us a token; those get
//! their own client with the token as a default header. The set of such
//! instances comes from config, so the cache below is bounded by config.

use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::Deserialize;
use std::collections::HashMap;
use std::time::Duration;

#[derive(Deserialize)]
pub struct NodeInfo {
    pub software: Software,
}

#[derive(Deserialize)]
pub struct Software {
    pub name: String,
    pub version: String,
}

pub struct Fetcher {
    default: Client,
    tokens: HashMap<String, String>,
    per_instance: HashMap<String, Client>,
}

impl Fetcher {
    pub fn new(tokens: HashMap<String, String>) -> anyhow::Result<Self> {
        let default = Client::builder()
            .timeout(Duration::from_secs(8))
            .user_agent("tag-archiver/0.6 (+https://archive.example.org)")
            .build()?;
        Ok(Self { default, tokens, per_instance: HashMap::new() })
    }

    fn client_for(&mut self, domain: &str) -> anyhow::Result<&Client> {
        let Some(token) = self.tokens.get(domain) else {
            return Ok(&self.default);
        };
        if !self.per_instance.contains_key(domain) {
            let mut headers = HeaderMap::new();
            headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {token}"))?);
            let client = Client::builder()
                .timeout(Duration::from_secs(8))
                .default_headers(headers)
                .build()?;
            self.per_instance.insert(domain.to_owned(), client);
        }
        Ok(&self.per_instance[domain])
    }

    pub fn nodeinfo(&mut self, domain: &str) -> anyhow::Result<NodeInfo> {
        let client = self.client_for(domain)?;
        let info = client
            .get(format!("https://{domain}/nodeinfo/2.0"))
            .send()?
            .error_for_status()?
            .json()?;
        Ok(info)
    }
}
