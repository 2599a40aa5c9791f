use std::collections::HashMap;
use std::fs;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Workspace {
    pub name: String,
    pub base_url: String,
    pub token: String,
    /// PEM bundle (cert + key) for workspaces that require mTLS
    pub identity_pem: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Config {
    pub history_uri: String,
    pub workspaces: Vec<Workspace>,
}

pub fn load_config() -> Result<Config, Box<dyn std::error::Error>> {
    let path = std::env::var("SNIPPETS_CONFIG").unwrap_or_else(|_| "snippets.json".to_string());
    Ok(serde_json::from_str(&fs::read_to_string(path)?)?)
}

/// One client per workspace (each has its own token and possibly its own
/// client certificate), built on first use and kept for the life of the agent.
static CLIENTS: LazyLock<Mutex<HashMap<String, Client>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn client_for(workspace: &Workspace) -> Result<Client, reqwest::Error> {
    let mut clients = CLIENTS.lock().unwrap();
    if let Some(client) = clients.get(&workspace.name) {
        return Ok(client.clone());
    }
    let client = build_client(workspace)?;
    clients.insert(workspace.name.clone(), client.clone());
    Ok(client)
}

fn build_client(workspace: &Workspace) -> Result<Client, reqwest::Error> {
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_str(&format!("Bearer {}", workspace.token)) {
        headers.insert(AUTHORIZATION, value);
    }
    let mut builder = Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(10))
        .pool_idle_timeout(Duration::from_secs(300));
    if let Some(pem_path) = &workspace.identity_pem {
        if let Ok(pem) = fs::read(pem_path) {
            builder = builder.identity(reqwest::Identity::from_pem(&pem)?);
        }
    }
    builder.build()
}
