//! Loyalty ledger database.

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

pub async fn pool() -> sqlx::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://loyalty@db.internal/loyalty".into());
    // every till in the chain can be logged in at once, so size for all of them
    PgPoolOptions::new()
        .max_connections(150)
        .min_connections(20)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await
}

pub async fn balance(pool: &PgPool, card: &str) -> sqlx::Result<i64> {
    let (points,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(SUM(points), 0)::bigint FROM points_ledger WHERE card = $1",
    )
    .bind(card)
    .fetch_one(pool)
    .await?;
    Ok(points)
}

/// Called when the POS bridge closes stdin (end of trading day).
pub async fn shutdown(pool: PgPool) {
    println!("closing ledger pool ({} connections open)", pool.size());
    pool.close().await;
}
