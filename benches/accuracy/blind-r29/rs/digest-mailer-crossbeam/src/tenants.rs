//! Each tenant lives in its own MySQL database (often on its own host).
//! Pools are cached per tenant for the life of the process and bounded.

use std::collections::HashMap;

use mysql::prelude::*;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub struct TenantPools {
    pools: HashMap<String, Pool>,
    max_tenants: usize,
}

impl TenantPools {
    pub fn new(max_tenants: usize) -> Self {
        Self { pools: HashMap::new(), max_tenants }
    }

    /// Returns the cached pool for `slug`, creating it on first use only.
    pub fn get(&mut self, slug: &str, url: &str) -> mysql::Result<&Pool> {
        if !self.pools.contains_key(slug) {
            if self.pools.len() >= self.max_tenants {
                // Evict an arbitrary tenant; its pool is dropped and its
                // connections are closed.
                if let Some(victim) = self.pools.keys().next().cloned() {
                    self.pools.remove(&victim);
                }
            }
            let constraints = PoolConstraints::new(0, 2).expect("valid constraints");
            let opts = OptsBuilder::from_opts(Opts::from_url(url)?)
                .pool_opts(PoolOpts::default().with_constraints(constraints));
            self.pools.insert(slug.to_string(), Pool::new(opts)?);
        }
        Ok(&self.pools[slug])
    }
}

pub fn digest(pool: &Pool) -> mysql::Result<Vec<String>> {
    let mut conn = pool.get_conn()?;
    conn.query_map(
        "SELECT actor, action, COUNT(*) FROM activity \
         WHERE created_at > NOW() - INTERVAL 15 MINUTE \
         GROUP BY actor, action ORDER BY COUNT(*) DESC LIMIT 50",
        |(actor, action, n): (String, String, u64)| format!("{actor} {action} x{n}"),
    )
}
