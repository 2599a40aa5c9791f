//! Process-wide handles, built once in main before the actor system starts.

use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use isahc::config::Configurable;
use isahc::HttpClient;
use sqlx::postgres::{PgPool, PgPoolOptions};

static POOL: OnceLock<PgPool> = OnceLock::new();

/// Connection-pooling HTTP client for the restock service, created on first use.
pub static RESTOCK_HTTP: LazyLock<HttpClient> = LazyLock::new(|| {
    HttpClient::builder()
        .timeout(Duration::from_secs(6))
        .max_connections_per_host(4)
        .build()
        .expect("isahc client")
});

pub async fn init_pool(database_url: &str) -> Result<(), sqlx::Error> {
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(database_url)
        .await?;
    POOL.set(pool).expect("init_pool called twice");
    Ok(())
}

/// A clone of the shared pool (an Arc bump, no new connections).
pub fn pool() -> PgPool {
    POOL.get().expect("init_pool must run first").clone()
}

pub fn restock_url() -> String {
    std::env::var("RESTOCK_URL").unwrap_or_else(|_| "http://restock.internal/api/requests".into())
}
