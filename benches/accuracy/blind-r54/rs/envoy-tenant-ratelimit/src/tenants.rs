//! Per-tenant Redis pools. Only tenants listed in the filter configuration
//! get a pool, and each pool is built once and then reused by every request.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use redis::RedisResult;

pub struct TenantPools {
    urls: HashMap<String, String>,
    pools: Mutex<HashMap<String, r2d2::Pool<redis::Client>>>,
}

impl TenantPools {
    pub fn new(urls: HashMap<String, String>) -> Self {
        Self {
            urls,
            pools: Mutex::new(HashMap::new()),
        }
    }

    /// Returns the cached pool for an allow-listed tenant, creating it on
    /// first use. Unknown tenants get `None` (no pool is ever created for
    /// arbitrary header values).
    fn pool_for(&self, tenant: &str) -> RedisResult<Option<r2d2::Pool<redis::Client>>> {
        let Some(url) = self.urls.get(tenant) else {
            return Ok(None);
        };
        let mut pools = self.pools.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(pool) = pools.get(tenant) {
            return Ok(Some(pool.clone()));
        }
        let client = redis::Client::open(url.as_str())?;
        let pool = r2d2::Pool::builder()
            .max_size(8)
            .connection_timeout(Duration::from_millis(250))
            .build(client)
            .map_err(|e| redis::RedisError::from((redis::ErrorKind::IoError, "pool", e.to_string())))?;
        pools.insert(tenant.to_string(), pool.clone());
        Ok(Some(pool))
    }

    /// Counts one request in the tenant's current one-minute window.
    pub fn hit(&self, tenant: &str, window: u64) -> RedisResult<Option<u64>> {
        let Some(pool) = self.pool_for(tenant)? else {
            return Ok(None);
        };
        let mut conn = pool
            .get()
            .map_err(|e| redis::RedisError::from((redis::ErrorKind::IoError, "checkout", e.to_string())))?;
        let key = format!("rl:{tenant}:{window}");
        let (count,): (u64,) = redis::pipe()
            .atomic()
            .incr(&key, 1u64)
            .expire(&key, 120)
            .ignore()
            .query(&mut *conn)?;
        Ok(Some(count))
    }
}
