use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Each binary calls this once at start-up. The spooler is a long-running
/// service; `pos-reprint` is a short-lived command run by the shift manager.
pub async fn pool(max_connections: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("POS_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await?;
    Ok(pool)
}
