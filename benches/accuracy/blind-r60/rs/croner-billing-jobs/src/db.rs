use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

/// Each binary calls this once at start-up and passes the pool down.
pub async fn pool(max_connections: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("BILLING_DATABASE_URL")?;
    Ok(PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(15))
        .connect(&url)
        .await?)
}
