use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Main ledger pool used by the line-protocol handlers.
pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("LEDGER_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await?;
    Ok(pool)
}
