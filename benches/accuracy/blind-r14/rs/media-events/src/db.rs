use std::time::Duration;

use sqlx::mysql::{MySqlPool, MySqlPoolOptions};

/// Main application pool (media catalogue, ledger, shipments).
pub async fn connect() -> anyhow::Result<MySqlPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = MySqlPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await?;
    Ok(pool)
}
