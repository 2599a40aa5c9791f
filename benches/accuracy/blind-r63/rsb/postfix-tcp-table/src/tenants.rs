use std::collections::HashMap;

use anyhow::{Context, Result};
use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use serde::Deserialize;
use tokio::sync::Mutex;
use tokio_postgres::NoTls;

#[derive(Deserialize)]
struct TenantFile {
    domains: HashMap<String, String>,
}

/// One pool per customer database, created on the first lookup for that customer
/// and reused for every later lookup (several domains may share one database).
pub struct TenantPools {
    dsn_by_domain: HashMap<String, String>,
    pools: Mutex<HashMap<String, Pool>>,
}

impl TenantPools {
    pub fn load(path: &str) -> Result<Self> {
        let file: TenantFile = toml::from_str(&std::fs::read_to_string(path)?)?;
        Ok(TenantPools { dsn_by_domain: file.domains, pools: Mutex::new(HashMap::new()) })
    }

    pub async fn for_domain(&self, domain: &str) -> Result<Option<Pool>> {
        let Some(dsn) = self.dsn_by_domain.get(domain) else { return Ok(None) };
        let mut pools = self.pools.lock().await;
        if let Some(pool) = pools.get(dsn) {
            return Ok(Some(pool.clone()));
        }
        let mut cfg = Config::new();
        cfg.url = Some(dsn.clone());
        cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
        cfg.pool = Some(PoolConfig::new(4));
        let pool = cfg
            .create_pool(Some(Runtime::Tokio1), NoTls)
            .with_context(|| format!("pool for {domain}"))?;
        pools.insert(dsn.clone(), pool.clone());
        Ok(Some(pool))
    }
}
