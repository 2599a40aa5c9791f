use std::collections::HashMap;

use anyhow::Context;
use bb8_redis::RedisConnectionManager;
use tokio::sync::Mutex;

use crate::config::TenantConfig;

pub struct Usage {
    pub tenant: String,
    pub peer: String,
    pub rx_bytes: u64,
    pub tx_bytes: u64,
}

/// Each tenant bills from its own redis. Pools are created lazily, at most one per
/// tenant listed in peers.toml, and reused for every flush after that.
pub struct Accounting {
    tenants: HashMap<String, TenantConfig>,
    pools: Mutex<HashMap<String, bb8::Pool<RedisConnectionManager>>>,
}

impl Accounting {
    pub fn new(tenants: HashMap<String, TenantConfig>) -> Self {
        Self {
            tenants,
            pools: Mutex::new(HashMap::new()),
        }
    }

    async fn pool_for(&self, tenant: &str) -> anyhow::Result<bb8::Pool<RedisConnectionManager>> {
        let mut pools = self.pools.lock().await;
        if let Some(pool) = pools.get(tenant) {
            return Ok(pool.clone());
        }
        let cfg = self
            .tenants
            .get(tenant)
            .with_context(|| format!("tenant {tenant} is not configured"))?;
        let manager = RedisConnectionManager::new(cfg.redis_url.as_str())?;
        let pool = bb8::Pool::builder().max_size(2).build(manager).await?;
        pools.insert(tenant.to_string(), pool.clone());
        Ok(pool)
    }

    /// Runs every 10 s with the byte counters accumulated since the last flush.
    pub async fn flush(&self, usage: Vec<Usage>) -> anyhow::Result<()> {
        let mut by_tenant: HashMap<&str, Vec<&Usage>> = HashMap::new();
        for u in usage.iter().filter(|u| u.rx_bytes + u.tx_bytes > 0) {
            by_tenant.entry(u.tenant.as_str()).or_default().push(u);
        }

        let day = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs()
            / 86_400;

        for (tenant, rows) in by_tenant {
            let pool = self.pool_for(tenant).await?;
            let mut conn = pool.get().await?;
            let mut pipe = redis::pipe();
            for u in rows {
                let key = format!("wg:usage:{day}:{}", u.peer);
                pipe.hincr(&key, "rx", u.rx_bytes).ignore();
                pipe.hincr(&key, "tx", u.tx_bytes).ignore();
                pipe.expire(&key, 90 * 86_400).ignore();
            }
            pipe.query_async::<()>(&mut *conn).await?;
        }
        Ok(())
    }
}
