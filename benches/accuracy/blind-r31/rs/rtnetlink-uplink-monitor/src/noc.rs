//! Each upstream ISP's NOC API wants its own client certificate, so we keep
//! one reqwest client per provider, built on first use and reused after.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use serde::Deserialize;

#[derive(Clone, Deserialize)]
pub struct Provider {
    pub name: String,
    pub interface: String,
    pub ticket_url: String,
    pub identity_pem: String,
}

static CLIENTS: LazyLock<Mutex<HashMap<String, reqwest::Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn client_for(provider: &Provider) -> anyhow::Result<reqwest::Client> {
    let mut clients = CLIENTS.lock().unwrap();
    if let Some(client) = clients.get(&provider.name) {
        return Ok(client.clone());
    }
    let pem = std::fs::read(&provider.identity_pem)?;
    let client = reqwest::Client::builder()
        .identity(reqwest::Identity::from_pem(&pem)?)
        .timeout(Duration::from_secs(10))
        .build()?;
    clients.insert(provider.name.clone(), client.clone());
    Ok(client)
}

pub async fn open_ticket(provider: &Provider, state: &str) -> anyhow::Result<()> {
    let client = client_for(provider)?;
    client
        .post(&provider.ticket_url)
        .json(&serde_json::json!({
            "circuit": provider.interface,
            "state": state,
            "source": "uplink-monitor",
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
