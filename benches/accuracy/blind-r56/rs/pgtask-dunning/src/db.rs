//! Main application pool: pg_task polls its `pg_task` table through this pool
//! and hands `&PgPool` to every step it runs.

use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

pub fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://billing@localhost:5432/billing".into())
}

pub async fn connect() -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url())
        .await?;
    sqlx::query("SELECT 1").execute(&pool).await?;
    Ok(pool)
}

/// Invoices that are past due and have no dunning task yet.
pub async fn overdue_invoice_ids(pool: &PgPool) -> anyhow::Result<Vec<uuid::Uuid>> {
    let ids = sqlx::query_scalar::<_, uuid::Uuid>(
        "UPDATE invoices SET dunning_started_at = now() \
         WHERE status = 'open' AND due_at < now() - interval '3 days' \
           AND dunning_started_at IS NULL \
         RETURNING id",
    )
    .fetch_all(pool)
    .await?;
    Ok(ids)
}
