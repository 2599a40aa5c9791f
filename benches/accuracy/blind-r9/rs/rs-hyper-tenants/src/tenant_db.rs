use std::collections::HashMap;
use std::sync::LazyLock;
use std::time::Duration;

use sqlx::mysql::{MySqlPool, MySqlPoolOptions};
use tokio::sync::RwLock;

/// Each tenant has its own MySQL schema on the shared cluster. Pools are
/// created on the tenant's first request and kept for the life of the process.
static POOLS: LazyLock<RwLock<HashMap<String, MySqlPool>>> = LazyLock::new(|| RwLock::new(HashMap::new()));

pub async fn pool_for(tenant: &str) -> Result<MySqlPool, sqlx::Error> {
    if let Some(p) = POOLS.read().await.get(tenant) {
        return Ok(p.clone());
    }
    let mut pools = POOLS.write().await;
    if let Some(p) = pools.get(tenant) {
        return Ok(p.clone());
    }
    let host = std::env::var("MYSQL_HOST").unwrap_or_else(|_| "localhost".into());
    let pass = std::env::var("MYSQL_PASSWORD").unwrap_or_default();
    let pool = MySqlPoolOptions::new()
        .max_connections(3)
        .idle_timeout(Duration::from_secs(300))
        .connect(&format!("mysql://app:{pass}@{host}/tenant_{tenant}"))
        .await?;
    pools.insert(tenant.to_string(), pool.clone());
    Ok(pool)
}
