//! One small pool per tenant database, created on the tenant's first request
//! and reused for every later one.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::Mutex;

static DIRECTORY: OnceLock<HashMap<String, String>> = OnceLock::new();
static POOLS: LazyLock<Mutex<HashMap<String, PgPool>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn set_directory(dir: HashMap<String, String>) {
    DIRECTORY.set(dir).expect("directory set twice");
}

pub async fn pool_for(host: &str) -> Option<PgPool> {
    let url = DIRECTORY.get()?.get(host)?;
    let mut pools = POOLS.lock().await;
    if let Some(pool) = pools.get(host) {
        return Some(pool.clone());
    }
    let pool = PgPoolOptions::new()
        .max_connections(3)
        .idle_timeout(Duration::from_secs(300))
        .connect_lazy(url)
        .ok()?;
    pools.insert(host.to_string(), pool.clone());
    Some(pool)
}
