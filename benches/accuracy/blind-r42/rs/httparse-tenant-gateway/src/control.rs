//! Control-plane database: tenant directory. Connected once, from main.

use std::collections::HashMap;
use std::time::Duration;

use backoff::ExponentialBackoff;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("CONTROL_DATABASE_URL")?;
    let policy = ExponentialBackoff {
        max_elapsed_time: Some(Duration::from_secs(120)),
        ..ExponentialBackoff::default()
    };
    // the database container may still be starting when we boot
    let pool = backoff::future::retry(policy, || async {
        PgPoolOptions::new()
            .max_connections(3)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
            .map_err(backoff::Error::transient)
    })
    .await?;
    Ok(pool)
}

/// host name -> tenant database URL, for active tenants only.
pub async fn tenant_directory(pool: &PgPool) -> anyhow::Result<HashMap<String, String>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT host, database_url FROM tenants WHERE active")
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().collect())
}
