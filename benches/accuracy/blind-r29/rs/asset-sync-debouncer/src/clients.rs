//! Client factories. Each is called once from `main`; the returned
//! handles are cheap to clone and shared by everything else.

use std::time::Duration;

use aws_config::BehaviorVersion;
use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the asset-database pool, waiting for Postgres to come up when
/// the render node boots before the database host.
pub async fn make_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(5)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                tracing::warn!("postgres not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(2 * attempt as u64)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub async fn s3() -> aws_sdk_s3::Client {
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    aws_sdk_s3::Client::new(&config)
}
