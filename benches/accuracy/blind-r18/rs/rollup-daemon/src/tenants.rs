use std::collections::HashMap;
use std::time::Duration;

use anyhow::Result;
use tokio::sync::Mutex;

/// Some fleet vendors require a client certificate per customer tenant. One
/// reqwest client per tenant, created on first use and reused afterwards.
#[derive(Default)]
pub struct TenantClients {
    clients: Mutex<HashMap<String, reqwest::Client>>,
}

impl TenantClients {
    pub async fn get(&self, tenant: &str, identity_pem: &[u8]) -> Result<reqwest::Client> {
        let mut clients = self.clients.lock().await;
        if let Some(c) = clients.get(tenant) {
            return Ok(c.clone());
        }
        let client = reqwest::Client::builder()
            .identity(reqwest::Identity::from_pem(identity_pem)?)
            .timeout(Duration::from_secs(15))
            .build()?;
        clients.insert(tenant.to_string(), client.clone());
        Ok(client)
    }
}
