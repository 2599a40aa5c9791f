use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Shared by both binaries; each process calls it once from `main`.
pub async fn make_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 6 => {
                tracing::warn!(attempt, "catalog database unavailable: {e}");
                tokio::time::sleep(Duration::from_secs(u64::from(attempt) * 3)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct ProductRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub brand: String,
    pub price_cents: i64,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

pub const PRODUCT_COLUMNS: &str = "id, title, description, brand, price_cents, updated_at";
