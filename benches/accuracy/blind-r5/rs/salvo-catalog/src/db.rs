//! Database helpers for the catalog service.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://catalog:catalog@localhost:5432/catalog".to_string())
}

/// Returns a ready-to-use Postgres pool for the catalog database.
pub async fn pool() -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(5)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&database_url())
        .await
}

#[derive(Debug, serde::Serialize, sqlx::FromRow)]
pub struct Product {
    pub sku: String,
    pub name: String,
    pub price_cents: i64,
}

pub async fn list_products(pool: &PgPool, limit: i64) -> Result<Vec<Product>, sqlx::Error> {
    sqlx::query_as::<_, Product>(
        "SELECT sku, name, price_cents FROM products ORDER BY name LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await
}
