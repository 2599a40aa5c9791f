//! Report definitions owned by the analytics team.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportDef {
    pub id: i64,
    pub name: String,
    pub sql: String,
}

pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&url)
        .await?;
    Ok(pool)
}

pub async fn due_reports(pool: &PgPool) -> sqlx::Result<Vec<ReportDef>> {
    sqlx::query_as::<_, ReportDef>(
        "SELECT id, name, sql FROM report_defs \
         WHERE enabled AND (last_run_at IS NULL OR last_run_at < now() - every) \
         ORDER BY id",
    )
    .fetch_all(pool)
    .await
}

pub async fn mark_ran(pool: &PgPool, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE report_defs SET last_run_at = now() WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}
