//! Per-site SOC webhooks. Each site's SOC requires its own client
//! certificate, so one reqwest client is kept per configured site and reused
//! for every alert to that site.

use std::collections::HashMap;
use std::time::Duration;

use anyhow::{Context, Result};
use reqwest::blocking::Client;
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub site: Vec<SiteConfig>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SiteConfig {
    pub name: String,
    /// Address prefix owned by the site, e.g. "10.40."
    pub prefix: String,
    pub webhook: String,
    pub identity_pem: String,
}

pub struct Notifier {
    sites: Vec<SiteConfig>,
    clients: HashMap<String, Client>,
}

impl Notifier {
    pub fn new(sites: Vec<SiteConfig>) -> Self {
        Self { sites, clients: HashMap::new() }
    }

    fn site_for(&self, addr: &str) -> Option<&SiteConfig> {
        self.sites.iter().find(|s| addr.starts_with(&s.prefix))
    }

    pub fn alert(&mut self, addr: &str, user: &str, count: i64) -> Result<()> {
        let Some(site) = self.site_for(addr).cloned() else {
            return Ok(());
        };

        if !self.clients.contains_key(&site.name) {
            let pem = std::fs::read(&site.identity_pem)
                .with_context(|| format!("reading {}", site.identity_pem))?;
            let client = Client::builder()
                .identity(reqwest::Identity::from_pem(&pem)?)
                .timeout(Duration::from_secs(10))
                .build()?;
            self.clients.insert(site.name.clone(), client);
        }
        let client = &self.clients[&site.name];

        client
            .post(&site.webhook)
            .json(&json!({
                "source": "sshd-logwatch",
                "address": addr,
                "last_user": user,
                "failures_10m": count,
            }))
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
