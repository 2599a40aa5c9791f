//! Customer sites and their webhooks. Each customer gets its own HTTP client,
//! because webhooks use per-customer client certificates and headers; clients
//! are built the first time a site needs one and then reused.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::parse::AccessEntry;

#[derive(Debug, Clone, Deserialize)]
pub struct Site {
    pub name: String,
    pub access_log: PathBuf,
    pub webhook_url: Option<String>,
    pub webhook_identity_pem: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
pub struct Config {
    pub redis_url: String,
    pub database_url: String,
    pub sites: Vec<Site>,
}

pub fn load_config(path: &str) -> anyhow::Result<Config> {
    Ok(toml::from_str(&std::fs::read_to_string(path)?)?)
}

pub struct Webhook {
    url: String,
    client: reqwest::Client,
}

impl Webhook {
    pub async fn notify(&self, entry: &AccessEntry) {
        if let Err(e) = self.client.post(&self.url).json(entry).send().await {
            eprintln!("edge-watch: webhook {} failed: {e}", self.url);
        }
    }
}

pub struct Tenants {
    by_path: HashMap<PathBuf, Site>,
    hooks: HashMap<String, Webhook>,
}

impl Tenants {
    pub fn new(sites: Vec<Site>) -> Tenants {
        let by_path = sites.into_iter().map(|s| (s.access_log.clone(), s)).collect();
        Tenants { by_path, hooks: HashMap::new() }
    }

    pub fn site_for_path(&self, path: &Path) -> Option<Site> {
        self.by_path.get(path).cloned()
    }

    /// Cached per customer: at most one client per site for the daemon's life.
    pub fn webhook_for(&mut self, site_name: &str) -> Option<&Webhook> {
        if !self.hooks.contains_key(site_name) {
            let site = self.by_path.values().find(|s| s.name == site_name)?;
            let url = site.webhook_url.clone()?;
            let mut builder = reqwest::Client::builder().timeout(Duration::from_secs(5));
            if let Some(pem_path) = &site.webhook_identity_pem {
                let pem = std::fs::read(pem_path).ok()?;
                builder = builder.identity(reqwest::Identity::from_pem(&pem).ok()?);
            }
            let client = builder.build().ok()?;
            self.hooks.insert(site_name.to_string(), Webhook { url, client });
        }
        self.hooks.get(site_name)
    }
}
