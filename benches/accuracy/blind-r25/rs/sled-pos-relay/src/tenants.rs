//! Per-franchise HTTP clients (each franchise issues its own client
//! certificate) and the delivery log.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use mongodb::bson::Document;
use mongodb::sync::{Client, Collection};

static CLIENTS: LazyLock<Mutex<HashMap<String, reqwest::blocking::Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn cert_dir() -> String {
    std::env::var("FRANCHISE_CERT_DIR").unwrap_or_else(|_| "/etc/pos-relay/franchises".into())
}

pub fn order_endpoint(tenant: &str) -> String {
    format!("https://{tenant}.orders.franchise-net.example/v2/orders")
}

/// Returns the cached client for `tenant`, building it on first use only.
pub fn client_for(tenant: &str) -> anyhow::Result<reqwest::blocking::Client> {
    let mut clients = CLIENTS.lock().unwrap();
    if let Some(c) = clients.get(tenant) {
        return Ok(c.clone());
    }
    let pem = std::fs::read(format!("{}/{tenant}.pem", cert_dir()))?;
    let client = reqwest::blocking::Client::builder()
        .identity(reqwest::Identity::from_pem(&pem)?)
        .timeout(Duration::from_secs(10))
        .build()?;
    clients.insert(tenant.to_string(), client.clone());
    Ok(client)
}

/// Called once from `main`; the collection handle is moved into the relay thread.
pub fn delivery_log() -> anyhow::Result<Collection<Document>> {
    let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://hq-mongo.franchise-net.example:27017".into());
    let client = Client::with_uri_str(&uri)?;
    Ok(client.database("pos").collection("deliveries"))
}
