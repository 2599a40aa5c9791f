//! Access to the analytics warehouse (read replica fed by the ETL job).
//! Kept separate from the bot's own database on purpose.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn connect() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("ANALYTICS_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://readonly@warehouse.internal:5432/analytics".to_string());
    PgPoolOptions::new()
        .max_connections(3)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await
}

pub async fn weekly_top(pool: &PgPool, guild_id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT user_id, messages FROM weekly_activity \
         WHERE guild_id = $1 ORDER BY messages DESC LIMIT 10",
    )
    .bind(guild_id)
    .fetch_all(pool)
    .await
}
