//! Which competitor pages we track, from the merchandising database.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Row;

pub struct Target {
    pub sku: String,
    pub url: String,
}

pub struct Catalog {
    pool: PgPool,
}

impl Catalog {
    /// Built once from main.
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(3)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn tracked_products(&self) -> Result<Vec<Target>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT sku, competitor_url FROM tracked_products \
             WHERE active ORDER BY last_crawled_at NULLS FIRST LIMIT 500",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Target {
                sku: r.get("sku"),
                url: r.get("competitor_url"),
            })
            .collect())
    }
}
