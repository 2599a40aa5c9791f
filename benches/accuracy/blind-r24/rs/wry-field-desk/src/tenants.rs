//! Per-customer HTTP clients. Each customer portal requires its own client
//! certificate, so we keep exactly one reqwest client per tenant for the life
//! of the app and hand out clones (which share the connection pool).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderValue};

#[derive(Clone, Debug)]
pub struct Tenant {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub cert_path: String,
    pub api_key: String,
}

static CLIENTS: LazyLock<Mutex<HashMap<String, Client>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn client_for(tenant: &Tenant) -> Result<Client, Box<dyn std::error::Error + Send + Sync>> {
    let mut clients = CLIENTS.lock().unwrap();
    if let Some(existing) = clients.get(&tenant.id) {
        return Ok(existing.clone());
    }

    let pem = std::fs::read(&tenant.cert_path)?;
    let identity = reqwest::Identity::from_pem(&pem)?;
    let mut headers = HeaderMap::new();
    headers.insert("X-Api-Key", HeaderValue::from_str(&tenant.api_key)?);

    let client = Client::builder()
        .identity(identity)
        .default_headers(headers)
        .timeout(Duration::from_secs(15))
        .build()?;
    clients.insert(tenant.id.clone(), client.clone());
    Ok(client)
}

/// Forget a tenant's client, e.g. after the technician re-imports a renewed certificate.
pub fn evict(tenant_id: &str) {
    CLIENTS.lock().unwrap().remove(tenant_id);
}
