use std::collections::HashMap;
use std::sync::LazyLock;

use elasticsearch::auth::Credentials;
use elasticsearch::http::transport::{SingleNodeConnectionPool, TransportBuilder};
use elasticsearch::http::Url;
use elasticsearch::Elasticsearch;
use serde::Deserialize;
use tokio::sync::Mutex;

#[derive(Deserialize)]
pub struct CustomerCfg {
    pub es_url: String,
    pub api_key_id_env: String,
    pub api_key_env: String,
    pub sensors: Vec<String>,
}

#[derive(Deserialize)]
pub struct SensorsFile {
    pub customers: HashMap<String, CustomerCfg>,
}

/// One client per customer cluster, created the first time that customer's sensor reports.
static CLIENTS: LazyLock<Mutex<HashMap<String, Elasticsearch>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub async fn client_for(customer: &str, cfg: &CustomerCfg) -> anyhow::Result<Elasticsearch> {
    let mut clients = CLIENTS.lock().await;
    if let Some(c) = clients.get(customer) {
        return Ok(c.clone());
    }
    let transport = TransportBuilder::new(SingleNodeConnectionPool::new(Url::parse(&cfg.es_url)?))
        .auth(Credentials::ApiKey(
            std::env::var(&cfg.api_key_id_env)?,
            std::env::var(&cfg.api_key_env)?,
        ))
        .build()?;
    let client = Elasticsearch::new(transport);
    clients.insert(customer.to_string(), client.clone());
    Ok(client)
}
