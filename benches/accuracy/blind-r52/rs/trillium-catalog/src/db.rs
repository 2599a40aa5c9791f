use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

pub fn database_url() -> String {
    std::env::var("DATABASE_URL").expect("DATABASE_URL must be set")
}

/// Primary pool used by the catalogue handlers.
pub async fn connect() -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .min_connections(2)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&database_url())
        .await?;
    Ok(pool)
}

#[derive(Debug, serde::Serialize, sqlx::FromRow)]
pub struct Product {
    pub sku: String,
    pub title: String,
    pub price_cents: i64,
    pub stock: i32,
}

pub async fn product(pool: &PgPool, sku: &str) -> sqlx::Result<Option<Product>> {
    sqlx::query_as::<_, Product>("SELECT sku, title, price_cents, stock FROM products WHERE sku = $1")
        .bind(sku)
        .fetch_optional(pool)
        .await
}

pub async fn search(pool: &PgPool, q: &str, limit: i64) -> sqlx::Result<Vec<Product>> {
    sqlx::query_as::<_, Product>(
        "SELECT sku, title, price_cents, stock FROM products \
         WHERE title ILIKE '%' || $1 || '%' ORDER BY title LIMIT $2",
    )
    .bind(q)
    .bind(limit)
    .fetch_all(pool)
    .await
}
