//! Jira sites configured by the user, and one HTTP client per site.

use std::collections::HashMap;
use std::time::Duration;

use serde::Deserialize;

#[derive(Deserialize, Clone, Debug)]
pub struct Site {
    /// Short alias typed after the prefix, e.g. `jira work PAY-12`.
    pub alias: String,
    pub base_url: String,
    pub email: String,
    pub api_token: String,
    /// Optional PEM identity for sites behind mutual TLS.
    pub client_identity_pem: Option<String>,
}

#[derive(Deserialize, Debug)]
pub struct SitesFile {
    pub default_alias: String,
    pub sites: Vec<Site>,
}

pub fn load() -> Option<SitesFile> {
    let path = dirs::config_dir()?.join("pop-launcher/jira.ron");
    let text = std::fs::read_to_string(path).ok()?;
    ron::from_str(&text).ok()
}

/// Clients keyed by site alias. Each site has its own credentials / TLS identity,
/// so one client per configured site, built on first use and reused afterwards.
#[derive(Default)]
pub struct ClientCache {
    clients: HashMap<String, reqwest::Client>,
}

impl ClientCache {
    pub fn get(&mut self, site: &Site) -> Option<reqwest::Client> {
        if let Some(c) = self.clients.get(&site.alias) {
            return Some(c.clone());
        }
        let mut builder = reqwest::Client::builder()
            .timeout(Duration::from_secs(4))
            .user_agent("pop-launcher-jira/0.3");
        if let Some(pem) = &site.client_identity_pem {
            let identity = reqwest::Identity::from_pem(pem.as_bytes()).ok()?;
            builder = builder.identity(identity);
        }
        let client = builder.build().ok()?;
        self.clients.insert(site.alias.clone(), client.clone());
        Some(client)
    }
}
