use std::sync::OnceLock;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

static POOL: OnceLock<PgPool> = OnceLock::new();

/// Builds the pool, waiting for Postgres to come up (compose starts both at once).
/// Called exactly once, from main, before the server starts listening.
pub async fn make_pool(database_url: &str) -> Result<PgPool, sqlx::Error> {
    let mut attempt = 1u32;
    loop {
        let result = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(3))
            .connect(database_url)
            .await;
        match result {
            Ok(pool) => break Ok(pool),
            Err(e) if attempt < 10 => {
                tracing::warn!(attempt, error = %e, "postgres not ready, retrying");
                tokio::time::sleep(Duration::from_secs(2 * attempt as u64)).await;
                attempt += 1;
            }
            Err(e) => break Err(e),
        }
    }
}

pub fn install(pool: PgPool) {
    POOL.set(pool).expect("pool installed twice");
}

/// Cheap handle to the shared pool.
pub fn pool() -> &'static PgPool {
    POOL.get().expect("db::install not called")
}
