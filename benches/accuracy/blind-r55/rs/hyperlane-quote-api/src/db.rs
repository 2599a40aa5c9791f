use std::sync::OnceLock;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

static POOL: OnceLock<PgPool> = OnceLock::new();

fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://quote:quote@localhost/shop".into())
}

/// Builds a new pool against the shop database.
pub async fn connect() -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(12)
        .min_connections(2)
        .acquire_timeout(Duration::from_secs(3))
        .idle_timeout(Duration::from_secs(300))
        .connect(&database_url())
        .await
}

/// Installs the process-wide pool; called once from main.
pub fn install(pool: PgPool) {
    if POOL.set(pool).is_err() {
        panic!("db::install called twice");
    }
}

/// The shared pool built at start-up.
pub fn pool() -> &'static PgPool {
    POOL.get().expect("db::install must run before serving requests")
}

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/0".into())
}
