//! Postgres persistence. `connect_with_retry` is called once from main.
use std::time::Duration;

use anyhow::{Context, Result};
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::sampler::Span;

/// The laptop often starts before the VPN is up, so keep trying for a while
/// before giving up. Returns the single pool used for the whole run.
pub async fn connect_with_retry(url: &str, max_attempts: u32) -> Result<PgPool> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < max_attempts => {
                eprintln!("database not reachable yet (attempt {attempt}): {err}");
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(5)))).await;
            }
            Err(err) => return Err(err).context("giving up on the database"),
        }
    }
}

pub async fn save_span(pool: &PgPool, user: &str, span: &Span) -> Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO focus_spans (username, app_name, title, started_at, ended_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(user)
    .bind(&span.app_name)
    .bind(&span.title)
    .bind(span.started_at)
    .bind(span.ended_at)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO focus_daily (username, day, app_name, seconds)
         VALUES ($1, $2::date, $3, $4)
         ON CONFLICT (username, day, app_name) DO UPDATE SET seconds = focus_daily.seconds + EXCLUDED.seconds",
    )
    .bind(user)
    .bind(span.started_at)
    .bind(&span.app_name)
    .bind((span.ended_at - span.started_at).num_seconds())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn today_totals(pool: &PgPool, user: &str) -> Result<Vec<(String, i64)>> {
    let rows = sqlx::query_as(
        "SELECT app_name, seconds FROM focus_daily WHERE username = $1 AND day = current_date ORDER BY seconds DESC",
    )
    .bind(user)
    .fetch_all(pool)
    .await?;
    Ok(rows)
}
