//! Presence index: which annex keys are known to be in the bucket.
//! Reads go to the replica (`indexurl`), writes to the primary (`primaryurl`).

use anyhow::Result;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Connection, PgConnection};

/// Opened once, from PREPARE.
pub async fn connect(replica_url: &str) -> Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(replica_url)
        .await?;
    Ok(pool)
}

pub async fn is_present(pool: &PgPool, annex_key: &str) -> Result<Option<bool>> {
    let row: Option<(bool,)> =
        sqlx::query_as("SELECT removed_at IS NULL FROM annex_objects WHERE annex_key = $1")
            .bind(annex_key)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(present,)| present))
}

pub async fn record_stored(primary_url: &str, annex_key: &str, size: u64) -> Result<()> {
    let mut conn = PgConnection::connect(primary_url).await?;
    sqlx::query(
        "INSERT INTO annex_objects (annex_key, size_bytes, stored_at) VALUES ($1, $2, now()) \
         ON CONFLICT (annex_key) DO UPDATE SET stored_at = now(), removed_at = NULL",
    )
    .bind(annex_key)
    .bind(size as i64)
    .execute(&mut conn)
    .await?;
    Ok(())
}
