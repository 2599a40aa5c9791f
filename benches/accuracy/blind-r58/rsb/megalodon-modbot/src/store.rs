//! Reports table: one row per report received through a mention.

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect(&url)
        .await?;
    Ok(pool)
}

pub struct NewReport<'a> {
    pub reporter: &'a str,
    pub target_acct: &'a str,
    pub status_id: &'a str,
    pub reason: &'a str,
}

pub async fn insert_report(pool: &PgPool, report: NewReport<'_>) -> anyhow::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO reports (reporter, target_acct, status_id, reason) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(report.reporter)
    .bind(report.target_acct)
    .bind(report.status_id)
    .bind(report.reason)
    .fetch_one(pool)
    .await?;
    Ok(id)
}

pub async fn open_reports_against(pool: &PgPool, target_acct: &str) -> anyhow::Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM reports WHERE target_acct = $1 AND resolved_at IS NULL",
    )
    .bind(target_acct)
    .fetch_one(pool)
    .await?;
    Ok(n)
}

pub async fn mark_deleted(pool: &PgPool, status_id: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE reports SET status_deleted = true WHERE status_id = $1")
        .bind(status_id)
        .execute(pool)
        .await?;
    Ok(())
}
