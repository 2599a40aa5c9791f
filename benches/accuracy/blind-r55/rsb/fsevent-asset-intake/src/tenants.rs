//! Each client studio has its own render-farm Redis. Connections are opened lazily, at
//! most once per tenant listed in tenants.toml, and reused for every later drop.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, OnceLock};

use redis::Commands;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct TenantEntry {
    pub redis_url: String,
}

#[derive(Deserialize)]
pub struct TenantConfig {
    pub tenants: HashMap<String, TenantEntry>,
}

impl TenantConfig {
    pub fn load(path: &str) -> Result<TenantConfig, Box<dyn std::error::Error>> {
        Ok(toml::from_str(&std::fs::read_to_string(path)?)?)
    }
}

static CONFIG: OnceLock<TenantConfig> = OnceLock::new();
static CONNECTIONS: LazyLock<Mutex<HashMap<String, redis::Connection>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn init(config: TenantConfig) {
    let _ = CONFIG.set(config);
}

pub fn enqueue(tenant: &str, asset_id: &str) -> Result<(), Box<dyn std::error::Error>> {
    let config = CONFIG.get().ok_or("tenants not initialised")?;
    let entry = config
        .tenants
        .get(tenant)
        .ok_or_else(|| format!("folder {tenant} is not a configured tenant"))?;

    let mut conns = CONNECTIONS.lock().unwrap();
    if !conns.contains_key(tenant) {
        let conn = redis::Client::open(entry.redis_url.as_str())?.get_connection()?;
        conns.insert(tenant.to_string(), conn);
    }
    let conn = conns.get_mut(tenant).expect("just inserted");

    let res: redis::RedisResult<()> = conn.rpush("render:intake", asset_id);
    if let Err(e) = res {
        // Broken connection: forget it so the next drop reconnects once.
        conns.remove(tenant);
        return Err(e.into());
    }
    Ok(())
}
