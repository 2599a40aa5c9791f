use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use meilisearch_sdk::client::Client;
use meilisearch_sdk::errors::Error;

/// Each tenant has its own Meilisearch deployment; keep one client per tenant.
static CLIENTS: LazyLock<Mutex<HashMap<String, Client>>> = LazyLock::new(Default::default);

pub fn client_for(tenant: &str) -> Result<Client, Error> {
    let mut clients = CLIENTS.lock().unwrap();
    if let Some(client) = clients.get(tenant) {
        return Ok(client.clone());
    }

    let host = format!("https://{tenant}.search.internal:7700");
    let key = std::env::var(format!("MEILI_KEY_{}", tenant.to_uppercase())).ok();
    let client = Client::new(host, key)?;
    clients.insert(tenant.to_owned(), client.clone());
    Ok(client)
}
