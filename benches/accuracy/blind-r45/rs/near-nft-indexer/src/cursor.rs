use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

/// Remembers the last fully processed block height.
pub struct CursorStore {
    conn: PoolConnection<Postgres>,
    indexer: String,
}

impl CursorStore {
    pub async fn open(pool: &PgPool, indexer: &str) -> sqlx::Result<Self> {
        let conn = pool.acquire().await?;
        Ok(Self { conn, indexer: indexer.to_string() })
    }

    pub async fn last_height(&mut self) -> sqlx::Result<Option<u64>> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT height FROM indexer_cursor WHERE indexer = $1")
            .bind(&self.indexer)
            .fetch_optional(&mut *self.conn)
            .await?;
        Ok(row.map(|(h,)| h as u64))
    }

    pub async fn save(&mut self, height: u64) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO indexer_cursor (indexer, height) VALUES ($1, $2)
             ON CONFLICT (indexer) DO UPDATE SET height = EXCLUDED.height, updated_at = now()",
        )
        .bind(&self.indexer)
        .bind(height as i64)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }
}
