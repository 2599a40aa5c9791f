use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::RwLock;

/// Each tenant lives in its own database on the shared cluster. Pools are
/// created lazily the first time a tenant is seen and then kept for the life
/// of the process.
#[derive(Clone)]
pub struct TenantPools {
    base_url: String,
    pools: Arc<RwLock<HashMap<String, PgPool>>>,
}

impl TenantPools {
    pub fn new(base_url: String) -> Self {
        Self { base_url, pools: Arc::new(RwLock::new(HashMap::new())) }
    }

    pub async fn get(&self, tenant: &str) -> Result<PgPool, sqlx::Error> {
        if let Some(pool) = self.pools.read().await.get(tenant) {
            return Ok(pool.clone());
        }

        let mut pools = self.pools.write().await;
        // another request may have created it while we waited for the lock
        if let Some(pool) = pools.get(tenant) {
            return Ok(pool.clone());
        }

        let pool = PgPoolOptions::new()
            .max_connections(3)
            .idle_timeout(Duration::from_secs(600))
            .connect(&format!("{}/tenant_{}", self.base_url, tenant))
            .await?;
        pools.insert(tenant.to_string(), pool.clone());
        Ok(pool)
    }
}
