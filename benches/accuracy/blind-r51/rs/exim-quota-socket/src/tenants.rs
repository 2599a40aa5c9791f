//! Per-tenant MySQL pools. Only domains listed in tenants.toml (read once at
//! start-up) ever get a pool, and each domain gets exactly one.
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use mysql_async::Pool;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TenantConfig {
    pub database_url: String,
}

#[derive(Debug, Deserialize)]
pub struct TenantFile {
    pub tenants: HashMap<String, TenantConfig>,
}

pub async fn load(path: &str) -> Result<TenantFile, Box<dyn std::error::Error>> {
    let raw = tokio::fs::read_to_string(path).await?;
    Ok(toml::from_str(&raw)?)
}

static POOLS: LazyLock<Mutex<HashMap<String, Pool>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Returns the cached pool for `domain`, creating it on first use.
/// Unknown domains get `None`, so the cache is bounded by the tenant file.
pub fn pool_for(directory: &TenantFile, domain: &str) -> Result<Option<Pool>, mysql_async::Error> {
    let Some(tenant) = directory.tenants.get(domain) else {
        return Ok(None);
    };
    let mut pools = POOLS.lock().expect("tenant pool cache poisoned");
    if let Some(pool) = pools.get(domain) {
        return Ok(Some(pool.clone()));
    }
    let pool = Pool::from_url(&tenant.database_url)?;
    pools.insert(domain.to_string(), pool.clone());
    Ok(Some(pool))
}

/// Called once on shutdown.
pub async fn disconnect_all() {
    let pools: Vec<Pool> = POOLS
        .lock()
        .expect("tenant pool cache poisoned")
        .drain()
        .map(|(_, pool)| pool)
        .collect();
    for pool in pools {
        if let Err(err) = pool.disconnect().await {
            eprintln!("pool disconnect failed: {err}");
        }
    }
}
