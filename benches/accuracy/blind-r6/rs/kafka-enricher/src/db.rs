use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .idle_timeout(Duration::from_secs(300))
        .connect(&url)
        .await?;
    Ok(pool)
}

pub async fn upsert_click(
    pool: &PgPool,
    user_id: i64,
    url: &str,
    country: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO enriched_clicks (user_id, url, country) VALUES ($1, $2, $3)",
    )
    .bind(user_id)
    .bind(url)
    .bind(country)
    .execute(pool)
    .await?;
    Ok(())
}
