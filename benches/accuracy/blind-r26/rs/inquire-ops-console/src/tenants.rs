//! Each tenant lives on its own Atlas cluster. Clients are cached per tenant
//! for the lifetime of the console, so repeated menu actions reuse them.
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use mongodb::bson::{doc, Document};
use mongodb::sync::Client;
use serde::Deserialize;

#[derive(Deserialize, Clone)]
pub struct Tenant {
    pub slug: String,
    pub mongo_uri: String,
}

static CLIENTS: LazyLock<Mutex<HashMap<String, Client>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn client_for(tenant: &Tenant) -> mongodb::error::Result<Client> {
    let mut cache = CLIENTS.lock().unwrap();
    if let Some(client) = cache.get(&tenant.slug) {
        return Ok(client.clone());
    }
    let client = Client::with_uri_str(&tenant.mongo_uri)?;
    cache.insert(tenant.slug.clone(), client.clone());
    Ok(client)
}

pub fn user_count(tenant: &Tenant) -> mongodb::error::Result<u64> {
    client_for(tenant)?
        .database(&tenant.slug)
        .collection::<Document>("users")
        .count_documents(doc! { "disabled": { "$ne": true } })
        .run()
}

pub fn disable_user(tenant: &Tenant, email: &str) -> mongodb::error::Result<bool> {
    let res = client_for(tenant)?
        .database(&tenant.slug)
        .collection::<Document>("users")
        .update_one(doc! { "email": email }, doc! { "$set": { "disabled": true } })
        .run()?;
    Ok(res.modified_count == 1)
}
