//! Price history storage.

use crate::PricePoint;
use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&url)
        .await?;
    Ok(pool)
}

pub async fn record(pool: &PgPool, p: &PricePoint) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO price_history (retailer_id, sku, url, price_cents, seen_at)
         VALUES ($1, $2, $3, $4, now())",
    )
    .bind(p.retailer_id)
    .bind(&p.sku)
    .bind(&p.url)
    .bind(p.price_cents)
    .execute(pool)
    .await?;
    Ok(())
}
