use std::collections::HashSet;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Called once from main. Postgres may still be starting when the container
/// comes up, so retry a few times before giving up.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                tracing::warn!(attempt, "postgres not ready: {e}");
                tokio::time::sleep(Duration::from_secs(2 * attempt)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub async fn load_deposit_scripts(pool: &PgPool) -> sqlx::Result<HashSet<Vec<u8>>> {
    let rows: Vec<(Vec<u8>,)> = sqlx::query_as("SELECT script_pubkey FROM deposit_addresses WHERE active")
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|(s,)| s).collect())
}
