use std::sync::OnceLock;

use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

static POOL: OnceLock<Pool> = OnceLock::new();

/// Called from the module initialiser.
pub fn init_pool(url: &str) -> Result<(), deadpool_postgres::CreatePoolError> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_string());
    cfg.application_name = Some("inventory-native".into());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(16));

    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
    let _ = POOL.set(pool);
    Ok(())
}

pub fn pool() -> &'static Pool {
    POOL.get().expect("db::init_pool was not called")
}

/// Pool occupancy, exported to JS as `poolStats()` for the BFF's /metrics.
pub fn stats() -> (usize, usize, usize) {
    match POOL.get() {
        Some(pool) => {
            let s = pool.status();
            (s.size, s.available, s.waiting)
        }
        None => (0, 0, 0),
    }
}
