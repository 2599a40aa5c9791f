use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// One HTTP client per tenant, because each tenant's webhook endpoint
/// requires its own mTLS client certificate. Built on first use, then reused.
#[derive(Default)]
pub struct TenantClients {
    clients: Mutex<HashMap<String, reqwest::blocking::Client>>,
}

impl TenantClients {
    pub fn get(&self, tenant: &str) -> Result<reqwest::blocking::Client, reqwest::Error> {
        let mut map = self.clients.lock().unwrap();
        if let Some(c) = map.get(tenant) {
            return Ok(c.clone());
        }
        let pem = std::fs::read(format!("/etc/relay/tenants/{tenant}.pem")).unwrap_or_default();
        let client = reqwest::blocking::Client::builder()
            .identity(reqwest::Identity::from_pem(&pem)?)
            .timeout(Duration::from_secs(10))
            .build()?;
        map.insert(tenant.to_string(), client.clone());
        Ok(client)
    }

    pub fn len(&self) -> usize {
        self.clients.lock().unwrap().len()
    }
}
