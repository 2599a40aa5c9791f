//! Append-only audit trail of everything the bot does.

use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

pub async fn connect() -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(3)
        .idle_timeout(Duration::from_secs(300))
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    Ok(pool)
}

pub async fn record(pool: &PgPool, actor: &str, action: &str, detail: &str) {
    let res = sqlx::query("INSERT INTO bot_audit (actor, action, detail) VALUES ($1, $2, $3)")
        .bind(actor)
        .bind(action)
        .bind(detail)
        .execute(pool)
        .await;
    if let Err(err) = res {
        tracing::warn!(%err, "audit write failed");
    }
}

/// Used by `!modbot stats` replies: actions taken in the last 24 hours.
pub async fn recent_counts(pool: &PgPool) -> anyhow::Result<Vec<(String, i64)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT action, count(*) FROM bot_audit \
         WHERE created_at > now() - interval '24 hours' GROUP BY action ORDER BY 2 DESC",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}
