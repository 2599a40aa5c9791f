use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{LazyLock, Mutex};

use r2d2::Pool;
use r2d2_sqlite::SqliteConnectionManager;

pub type TenantPool = Pool<SqliteConnectionManager>;

/// Each tenant has its own SQLite file. Pools are created on first use and
/// then reused for every later connection from that tenant.
static POOLS: LazyLock<Mutex<HashMap<String, TenantPool>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn data_dir() -> PathBuf {
    std::env::var_os("KV_DATA_DIR").map(PathBuf::from).unwrap_or_else(|| "./data".into())
}

pub fn pool_for(tenant: &str) -> anyhow::Result<TenantPool> {
    anyhow::ensure!(
        !tenant.is_empty() && tenant.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        "invalid tenant name"
    );

    let mut pools = POOLS.lock().unwrap();
    if let Some(pool) = pools.get(tenant) {
        return Ok(pool.clone());
    }

    let manager = SqliteConnectionManager::file(data_dir().join(format!("{tenant}.db")))
        .with_init(|c| c.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v TEXT NOT NULL);"));
    let pool = Pool::builder().max_size(4).build(manager)?;
    pools.insert(tenant.to_owned(), pool.clone());
    Ok(pool)
}
