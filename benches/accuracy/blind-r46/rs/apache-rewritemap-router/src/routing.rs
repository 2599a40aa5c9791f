use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use mysql::prelude::Queryable;
use mysql::{Opts, Pool};

/// One small pool per tenant routing DB. Only slugs from the control plane's
/// tenant list (loaded once at start) are ever inserted.
static TENANT_POOLS: LazyLock<Mutex<HashMap<String, Pool>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub struct Router {
    dsns: HashMap<String, String>,
}

impl Router {
    pub fn new(tenants: Vec<(String, String)>) -> Self {
        Self { dsns: tenants.into_iter().collect() }
    }

    fn pool_for(&self, slug: &str) -> anyhow::Result<Option<Pool>> {
        let Some(dsn) = self.dsns.get(slug) else { return Ok(None) };
        let mut pools = TENANT_POOLS.lock().unwrap();
        if let Some(pool) = pools.get(slug) {
            return Ok(Some(pool.clone()));
        }
        let pool = Pool::new(Opts::from_url(dsn)?)?;
        pools.insert(slug.to_owned(), pool.clone());
        Ok(Some(pool))
    }

    /// "acme.shop.example.com" -> "10.0.4.17:8080"
    pub fn backend_for(&self, host: &str) -> anyhow::Result<Option<String>> {
        let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
        let slug = host.split('.').next().unwrap_or_default();
        let Some(pool) = self.pool_for(slug)? else { return Ok(None) };
        let mut conn = pool.get_conn()?;
        let backend: Option<String> = conn.exec_first(
            "SELECT backend FROM vhosts WHERE hostname = ? AND enabled = 1",
            (host.as_str(),),
        )?;
        Ok(backend)
    }
}
