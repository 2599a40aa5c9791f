use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Shared by every binary in this crate. Each process calls it once at start-up and keeps the
/// pool for its whole life; the binaries run as separate systemd units.
pub async fn make_pool(max_connections: u32) -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").map_err(|e| sqlx::Error::Configuration(e.into()))?;
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .idle_timeout(Duration::from_secs(300))
        .connect(&url)
        .await
}
