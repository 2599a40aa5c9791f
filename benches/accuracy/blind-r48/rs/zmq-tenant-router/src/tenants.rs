use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, OnceLock};

use mysql_async::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TenantConfig {
    pub database_url: String,
    #[serde(default = "default_max")]
    pub max_connections: usize,
}

fn default_max() -> usize {
    4
}

#[derive(Debug, Deserialize)]
struct TenantsFile {
    tenants: HashMap<String, TenantConfig>,
}

static TENANTS: OnceLock<HashMap<String, TenantConfig>> = OnceLock::new();
static POOLS: LazyLock<Mutex<HashMap<String, Pool>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Loaded once at start-up; only tenants listed here ever get a pool.
pub fn load(path: &str) -> anyhow::Result<usize> {
    let parsed: TenantsFile = toml::from_str(&std::fs::read_to_string(path)?)?;
    let count = parsed.tenants.len();
    TENANTS
        .set(parsed.tenants)
        .map_err(|_| anyhow::anyhow!("tenants already loaded"))?;
    Ok(count)
}

/// Returns the cached pool for a known tenant, creating it on first use.
pub fn pool_for(tenant: &str) -> anyhow::Result<Option<Pool>> {
    let Some(cfg) = TENANTS.get().and_then(|all| all.get(tenant)) else {
        return Ok(None);
    };
    let mut pools = POOLS.lock().expect("tenant pool cache poisoned");
    if let Some(pool) = pools.get(tenant) {
        return Ok(Some(pool.clone()));
    }
    let constraints = PoolConstraints::new(1, cfg.max_connections)
        .ok_or_else(|| anyhow::anyhow!("bad pool bounds for {tenant}"))?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&cfg.database_url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    let pool = Pool::new(opts);
    pools.insert(tenant.to_string(), pool.clone());
    Ok(Some(pool))
}

/// Called once on shutdown.
pub async fn close_all() {
    let drained: Vec<(String, Pool)> = POOLS.lock().expect("tenant pool cache poisoned").drain().collect();
    for (tenant, pool) in drained {
        if let Err(err) = pool.disconnect().await {
            tracing::warn!(%tenant, %err, "pool disconnect failed");
        }
    }
}
