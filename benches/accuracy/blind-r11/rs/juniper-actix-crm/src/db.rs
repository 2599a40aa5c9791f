use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Opens the CRM Postgres pool. Used by `main` at start-up.
pub async fn connect() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await
}
