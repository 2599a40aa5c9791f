use sqlx::PgPool;
use uuid::Uuid;

/// Usage reporting for the billing dashboard.
#[derive(Clone)]
pub struct ReportStore {
    pool: PgPool,
}

impl ReportStore {
    pub async fn connect() -> Result<Self, sqlx::Error> {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
        let pool = PgPool::connect(&url).await?;
        Ok(Self { pool })
    }

    pub async fn thumbnail_done(&self, upload_id: Uuid, bytes: usize) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO media_reports (upload_id, kind, bytes, at) VALUES ($1, 'thumbnail', $2, now())",
        )
        .bind(upload_id)
        .bind(bytes as i64)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
