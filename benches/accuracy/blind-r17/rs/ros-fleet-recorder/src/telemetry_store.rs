//! High-rate odometry samples. Lives in the same fleet database, `telemetry` schema.
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn open() -> anyhow::Result<PgPool> {
    let url = std::env::var("FLEET_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(120)
        .min_connections(20)
        .idle_timeout(Duration::from_secs(300))
        .connect(&url)
        .await?;
    Ok(pool)
}
