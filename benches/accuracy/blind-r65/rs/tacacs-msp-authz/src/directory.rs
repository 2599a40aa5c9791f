//! Per-customer directory databases. The customer list is fixed at start-up (customers.toml),
//! so the pool cache below holds at most one pool per configured customer.

use std::collections::HashMap;
use std::sync::LazyLock;

use anyhow::Result;
use mysql_async::prelude::*;
use mysql_async::Pool;
use tokio::sync::Mutex;

use crate::Customer;

static POOLS: LazyLock<Mutex<HashMap<String, Pool>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

async fn pool_for(customer: &Customer) -> Result<Pool> {
    let mut pools = POOLS.lock().await;
    if let Some(pool) = pools.get(&customer.name) {
        return Ok(pool.clone());
    }
    let pool = Pool::from_url(customer.database_url.as_str())?;
    pools.insert(customer.name.clone(), pool.clone());
    Ok(pool)
}

/// First matching rule wins; no rule means deny.
pub async fn command_allowed(customer: &Customer, user: &str, priv_lvl: u8, command: &str) -> Result<bool> {
    let pool = pool_for(customer).await?;
    let mut conn = pool.get_conn().await?;
    let allowed: Option<bool> = conn
        .exec_first(
            "SELECT r.allowed FROM command_rules r JOIN operators o ON o.role = r.role
              WHERE o.username = ? AND o.active AND r.min_priv <= ? AND ? LIKE r.pattern
              ORDER BY r.priority LIMIT 1",
            (user, priv_lvl, command),
        )
        .await?;
    Ok(allowed.unwrap_or(false))
}

pub async fn disconnect_all() {
    let mut pools = POOLS.lock().await;
    for (_, pool) in pools.drain() {
        let _ = pool.disconnect().await;
    }
}
