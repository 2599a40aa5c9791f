use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use reqwest::{Client, Identity};

/// Each depot's dispatch endpoint requires its own client certificate, so the
/// bridge keeps one client per depot for the life of the process.
static DEPOT_CLIENTS: LazyLock<Mutex<HashMap<String, Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn client_for(depot: &str) -> anyhow::Result<Client> {
    let mut clients = DEPOT_CLIENTS.lock().unwrap();
    if let Some(client) = clients.get(depot) {
        return Ok(client.clone());
    }
    let pem = std::fs::read(format!("/etc/dds-bridge/depots/{depot}.pem"))?;
    let client = Client::builder()
        .identity(Identity::from_pem(&pem)?)
        .timeout(Duration::from_secs(5))
        .build()?;
    clients.insert(depot.to_string(), client.clone());
    Ok(client)
}

pub fn dispatch_url(depot: &str) -> String {
    format!("https://dispatch.{depot}.fleet.internal/api/alerts")
}
