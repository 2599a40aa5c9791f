use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use anyhow::{anyhow, Result};
use serde::Deserialize;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::Mutex;

#[derive(Deserialize)]
struct TenantFile {
    tenants: HashMap<String, String>,
}

static DIRECTORY: OnceLock<HashMap<String, String>> = OnceLock::new();
static POOLS: LazyLock<Mutex<HashMap<String, PgPool>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn load_directory(path: &str) -> Result<usize> {
    let raw = std::fs::read_to_string(path)?;
    let parsed: TenantFile = toml::from_str(&raw)?;
    let n = parsed.tenants.len();
    DIRECTORY
        .set(parsed.tenants)
        .map_err(|_| anyhow!("tenant directory already loaded"))?;
    Ok(n)
}

pub async fn pool_for(tenant: &str) -> Result<PgPool> {
    let url = DIRECTORY
        .get()
        .and_then(|d| d.get(tenant))
        .ok_or_else(|| anyhow!("unknown tenant {tenant}"))?;
    let mut pools = POOLS.lock().await;
    if let Some(pool) = pools.get(tenant) {
        return Ok(pool.clone());
    }
    let pool = PgPoolOptions::new().max_connections(4).connect(url).await?;
    pools.insert(tenant.to_string(), pool.clone());
    Ok(pool)
}

pub async fn close_all() {
    let pools = POOLS.lock().await;
    for pool in pools.values() {
        pool.close().await;
    }
}
