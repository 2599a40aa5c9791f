use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Opens a pool against the cluster's admin database (used for CREATE DATABASE).
pub async fn connect(url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(5)
        .acquire_timeout(Duration::from_secs(10))
        .connect(url)
        .await
}
