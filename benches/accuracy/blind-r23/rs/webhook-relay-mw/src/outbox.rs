//! The webhook outbox written by the order service.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::types::Json;

pub const MAX_ATTEMPTS: i32 = 8;

#[derive(Debug, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub endpoint: String,
    pub payload: Json<serde_json::Value>,
    pub attempts: i32,
}

pub async fn connect(database_url: &str) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(60)
        .min_connections(10)
        .connect(database_url)
        .await?;
    Ok(pool)
}

/// Claims up to `limit` undelivered rows for one minute.
pub async fn claim(pool: &PgPool, limit: i64) -> sqlx::Result<Vec<OutboxRow>> {
    sqlx::query_as::<_, OutboxRow>(
        "UPDATE webhook_outbox SET claimed_until = now() + interval '1 minute' \
         WHERE id IN (SELECT id FROM webhook_outbox \
                      WHERE delivered_at IS NULL AND attempts < $2 \
                        AND (claimed_until IS NULL OR claimed_until < now()) \
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) \
         RETURNING id, endpoint, payload, attempts",
    )
    .bind(limit)
    .bind(MAX_ATTEMPTS)
    .fetch_all(pool)
    .await
}

pub async fn mark_delivered(pool: &PgPool, ids: &[i64]) -> sqlx::Result<()> {
    sqlx::query("UPDATE webhook_outbox SET delivered_at = now() WHERE id = ANY($1)")
        .bind(ids)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn mark_failed(pool: &PgPool, ids: &[i64]) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE webhook_outbox SET attempts = attempts + 1, claimed_until = NULL WHERE id = ANY($1)",
    )
    .bind(ids)
    .execute(pool)
    .await?;
    Ok(())
}
