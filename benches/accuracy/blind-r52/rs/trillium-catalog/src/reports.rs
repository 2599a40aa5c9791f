//! Sales reporting queries. Kept apart from the catalogue so that the
//! reporting team can tune its own pool.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Clone)]
pub struct ReportStore {
    pool: PgPool,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct DailySales {
    pub day: NaiveDate,
    pub orders: i64,
    pub revenue_cents: i64,
}

impl ReportStore {
    pub async fn new() -> anyhow::Result<Self> {
        let url = std::env::var("DATABASE_URL")?;
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .connect(&url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn daily_sales(&self, days: i32) -> sqlx::Result<Vec<DailySales>> {
        sqlx::query_as::<_, DailySales>(
            "SELECT date_trunc('day', placed_at)::date AS day, count(*) AS orders, \
                    coalesce(sum(total_cents), 0)::bigint AS revenue_cents \
             FROM orders WHERE placed_at > now() - make_interval(days => $1) \
             GROUP BY 1 ORDER BY 1",
        )
        .bind(days)
        .fetch_all(&self.pool)
        .await
    }

    pub async fn top_skus(&self, limit: i64) -> sqlx::Result<Vec<(String, i64)>> {
        sqlx::query_as(
            "SELECT sku, sum(qty)::bigint FROM order_lines GROUP BY sku ORDER BY 2 DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }
}
