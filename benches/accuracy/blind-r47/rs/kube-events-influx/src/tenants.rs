//! One InfluxDB client per tenant, created the first time an event for that
//! tenant shows up and reused afterwards. Only namespaces listed in
//! tenants.toml (loaded once at start-up) ever get a client.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, OnceLock};

use serde::Deserialize;

#[derive(Deserialize, Clone)]
pub struct TenantCfg {
    pub org: String,
    pub bucket: String,
    pub token_env: String,
}

#[derive(Deserialize)]
struct TenantsFile {
    tenants: HashMap<String, TenantCfg>,
}

static DIRECTORY: OnceLock<HashMap<String, TenantCfg>> = OnceLock::new();
static CLIENTS: LazyLock<Mutex<HashMap<String, influxdb2::Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn load(path: &str) -> anyhow::Result<usize> {
    let file: TenantsFile = toml::from_str(&std::fs::read_to_string(path)?)?;
    let n = file.tenants.len();
    DIRECTORY
        .set(file.tenants)
        .map_err(|_| anyhow::anyhow!("tenant directory loaded twice"))?;
    Ok(n)
}

/// Returns the cached client for the namespace's tenant, or None when the
/// namespace does not belong to a known tenant.
pub fn client_for(namespace: &str) -> Option<(influxdb2::Client, String)> {
    let cfg = DIRECTORY.get()?.get(namespace)?;
    let mut clients = CLIENTS.lock().unwrap();
    let client = clients.entry(namespace.to_string()).or_insert_with(|| {
        let host = std::env::var("INFLUX_URL").unwrap_or_else(|_| "http://influxdb:8086".into());
        let token = std::env::var(&cfg.token_env).unwrap_or_default();
        influxdb2::Client::new(host, &cfg.org, token)
    });
    Some((client.clone(), cfg.bucket.clone()))
}
