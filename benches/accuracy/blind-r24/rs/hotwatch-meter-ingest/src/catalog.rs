use sqlx::postgres::{PgPool, PgPoolOptions};

/// Supabase project used by the ops dashboard. The password comes from PGPASSWORD.
pub const DEFAULT_DATABASE_URL: &str =
    "postgres://postgres.qzkxfhrtwmbnyoplvcae@aws-0-eu-central-1.pooler.supabase.com:6543/postgres";

/// Which spool files have been ingested (idempotency across restarts).
pub struct Catalog {
    pool: PgPool,
}

impl Catalog {
    pub async fn connect() -> Result<Self, sqlx::Error> {
        let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .connect(&url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn already_ingested(&self, file_name: &str, checksum: &str) -> Result<bool, sqlx::Error> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM meter_files WHERE file_name = $1 AND checksum = $2",
        )
        .bind(file_name)
        .bind(checksum)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    pub async fn mark_ingested(&self, file_name: &str, checksum: &str, rows: i64) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO meter_files (file_name, checksum, row_count, ingested_at) VALUES ($1, $2, $3, now())",
        )
        .bind(file_name)
        .bind(checksum)
        .bind(rows)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
