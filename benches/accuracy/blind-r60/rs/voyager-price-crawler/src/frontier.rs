//! Which retailers are due for a crawl, and bookkeeping after a crawl.

use sqlx::postgres::PgPoolOptions;
use sqlx::{FromRow, PgPool};

#[derive(Debug, FromRow)]
pub struct Retailer {
    pub id: i32,
    pub domain: String,
    pub listing_url: String,
}

pub struct Frontier {
    pool: PgPool,
}

impl Frontier {
    pub async fn open() -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(&std::env::var("DATABASE_URL")?)
            .await?;
        Ok(Self { pool })
    }

    pub async fn due_retailers(&self) -> anyhow::Result<Vec<Retailer>> {
        let rows = sqlx::query_as::<_, Retailer>(
            "SELECT id, domain, listing_url FROM retailers
             WHERE enabled AND (last_crawled_at IS NULL OR last_crawled_at < now() - interval '20 hours')",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    pub async fn mark_crawled(&self, id: i32) -> anyhow::Result<()> {
        sqlx::query("UPDATE retailers SET last_crawled_at = now() WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
