//! Delivery attempt log shown in the partner portal.

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn connect(database_url: &str) -> anyhow::Result<PgPool> {
    Ok(PgPoolOptions::new()
        .max_connections(5)
        .connect(database_url)
        .await?)
}

pub async fn record_attempt(
    pool: &PgPool,
    endpoint: &str,
    ids: &[i64],
    status: Option<u16>,
    error: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO webhook_attempts (endpoint, outbox_ids, http_status, error) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(endpoint)
    .bind(ids)
    .bind(status.map(i32::from))
    .bind(error)
    .execute(pool)
    .await?;
    Ok(())
}
