use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the shared pool for the auditor. Called once from `main`.
pub async fn connect(url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(5)
        .acquire_timeout(Duration::from_secs(30))
        .connect(url)
        .await
}

pub async fn record_gap(
    pool: &PgPool,
    stream: &str,
    expected_seq: i64,
    got_seq: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO hls_gaps (stream, expected_seq, got_seq, seen_at) VALUES ($1, $2, $3, now())",
    )
    .bind(stream)
    .bind(expected_seq)
    .bind(got_seq)
    .execute(pool)
    .await?;
    Ok(())
}
