//! One Elasticsearch client per tenant cluster, created on first use and
//! cached for the life of the process (tenants live on different clusters).

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use elasticsearch::http::transport::{SingleNodeConnectionPool, TransportBuilder};
use elasticsearch::Elasticsearch;
use url::Url;

static CLIENTS: LazyLock<RwLock<HashMap<String, Elasticsearch>>> = LazyLock::new(|| RwLock::new(HashMap::new()));

fn cluster_url(tenant: &str) -> String {
    let var = format!("ES_URL_{}", tenant.to_uppercase().replace('-', "_"));
    std::env::var(var).unwrap_or_else(|_| "http://localhost:9200".to_owned())
}

pub fn for_tenant(tenant: &str) -> anyhow::Result<Elasticsearch> {
    if let Some(client) = CLIENTS.read().unwrap().get(tenant) {
        return Ok(client.clone());
    }
    let mut clients = CLIENTS.write().unwrap();
    if let Some(client) = clients.get(tenant) {
        return Ok(client.clone());
    }
    let pool = SingleNodeConnectionPool::new(Url::parse(&cluster_url(tenant))?);
    let client = Elasticsearch::new(TransportBuilder::new(pool).disable_proxy().build()?);
    clients.insert(tenant.to_owned(), client.clone());
    Ok(client)
}
