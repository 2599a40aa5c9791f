use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Checks publish keys against the `stream_keys` table.
pub struct StreamAuthorizer {
    pool: PgPool,
}

impl StreamAuthorizer {
    pub async fn new(db_url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(3))
            .connect(db_url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn allows(&self, app: &str, stream_key: &str) -> Result<bool, sqlx::Error> {
        let row: Option<(bool,)> = sqlx::query_as(
            "SELECT NOT revoked FROM stream_keys WHERE app = $1 AND key = $2",
        )
        .bind(app)
        .bind(stream_key)
        .fetch_optional(&self.pool)
        .await?;

        if let Some((true,)) = row {
            sqlx::query("UPDATE stream_keys SET last_used_at = now() WHERE app = $1 AND key = $2")
                .bind(app)
                .bind(stream_key)
                .execute(&self.pool)
                .await?;
            return Ok(true);
        }
        Ok(false)
    }
}
