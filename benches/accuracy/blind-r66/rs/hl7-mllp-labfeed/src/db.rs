use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Connection pool for the results database.
pub async fn pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("RESULTS_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await?;
    Ok(pool)
}
