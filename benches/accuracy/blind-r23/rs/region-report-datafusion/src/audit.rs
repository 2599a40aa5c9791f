//! Stores report outputs and run history for the dashboard.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::types::Json;

pub async fn connect() -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    Ok(pool)
}

pub async fn record_run(
    pool: &PgPool,
    report_id: i64,
    rows: &[serde_json::Value],
    elapsed_ms: i64,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    let run_id: i64 = sqlx::query_scalar(
        "INSERT INTO report_runs (report_id, row_count, elapsed_ms) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(report_id)
    .bind(rows.len() as i64)
    .bind(elapsed_ms)
    .fetch_one(&mut *tx)
    .await?;

    sqlx::query("INSERT INTO report_results (run_id, payload) VALUES ($1, $2)")
        .bind(run_id)
        .bind(Json(rows))
        .execute(&mut *tx)
        .await?;

    tx.commit().await
}

pub async fn record_failure(pool: &PgPool, report_id: i64, error: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO report_failures (report_id, error) VALUES ($1, $2)")
        .bind(report_id)
        .bind(error)
        .execute(pool)
        .await?;
    Ok(())
}
