use serde::Deserialize;
use sqlx::{PgExecutor, PgPool};

#[derive(Debug, sqlx::FromRow)]
pub struct Product {
    pub sku: String,
    pub title: String,
    pub price_cents: i64,
}

pub async fn by_sku<'e>(db: impl PgExecutor<'e>, sku: &str) -> sqlx::Result<Option<Product>> {
    sqlx::query_as("SELECT sku, title, price_cents FROM products WHERE sku = $1")
        .bind(sku)
        .fetch_optional(db)
        .await
}

pub async fn category_page(pool: &PgPool, category: &str, page: i64) -> sqlx::Result<Vec<Product>> {
    sqlx::query_as(
        "SELECT sku, title, price_cents FROM products WHERE category = $1 ORDER BY popularity DESC LIMIT 48 OFFSET $2",
    )
    .bind(category)
    .bind(page * 48)
    .fetch_all(pool)
    .await
}

#[derive(Debug, Deserialize)]
pub struct SearchHit {
    pub sku: String,
    pub score: f32,
}

pub async fn search(http: &reqwest::Client, base: &str, q: &str) -> reqwest::Result<Vec<SearchHit>> {
    http.get(format!("{base}/search")).query(&[("q", q)]).send().await?.json().await
}
