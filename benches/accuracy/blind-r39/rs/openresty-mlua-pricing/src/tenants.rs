use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Tenants are configured by ops (PRICING_TENANTS=acme,globex,...); each one
/// has its own schema on the pricing MySQL cluster.
static ALLOWED: LazyLock<Vec<String>> = LazyLock::new(|| {
    std::env::var("PRICING_TENANTS")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
});

/// One small pool per tenant per nginx worker, created on first use and reused.
static POOLS: LazyLock<Mutex<HashMap<String, Pool>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn allowed() -> Vec<String> {
    ALLOWED.clone()
}

pub fn pool_for(tenant: &str) -> Result<Pool, String> {
    if !ALLOWED.iter().any(|t| t == tenant) {
        return Err(format!("unknown tenant {tenant:?}"));
    }
    let mut pools = POOLS.lock().unwrap();
    if let Some(pool) = pools.get(tenant) {
        return Ok(pool.clone());
    }
    let template = std::env::var("PRICING_DB_URL_TEMPLATE")
        .unwrap_or_else(|_| "mysql://pricing@pricing-db.internal:3306/{tenant}".into());
    let url = template.replace("{tenant}", tenant);
    let opts = OptsBuilder::from_opts(Opts::from_url(&url).map_err(|e| e.to_string())?)
        .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(0, 4).unwrap()));
    let pool = Pool::new(opts).map_err(|e| e.to_string())?;
    pools.insert(tenant.to_string(), pool.clone());
    Ok(pool)
}
