use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Opens a pool against the flag store.
pub async fn connect(database_url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(3))
        .connect(database_url)
        .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct FlagRow {
    pub rollout_pct: i32,
    pub owner: String,
    pub updated_by: String,
}
