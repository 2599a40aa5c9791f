//! One Postgres database per tenant. Pools are created lazily the first time a
//! tenant is seen and then reused for every later request of that tenant.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Clone)]
pub struct TenantPools {
    base_url: String,
    pools: Arc<Mutex<HashMap<String, PgPool>>>,
}

impl TenantPools {
    pub fn new(base_url: String) -> Self {
        Self {
            base_url,
            pools: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    pub fn get(&self, tenant: &str) -> Result<PgPool, sqlx::Error> {
        let mut pools = self.pools.lock().expect("tenant pool map poisoned");
        if let Some(pool) = pools.get(tenant) {
            return Ok(pool.clone());
        }

        let pool = PgPoolOptions::new()
            .max_connections(3)
            .idle_timeout(Duration::from_secs(300))
            .connect_lazy(&format!("{}/tenant_{}", self.base_url, tenant))?;
        pools.insert(tenant.to_string(), pool.clone());
        Ok(pool)
    }
}
