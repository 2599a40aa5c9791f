use sqlx::postgres::{PgPool, PgPoolOptions};

/// Append-only audit trail; lives in the same orders database.
#[derive(Clone)]
pub struct AuditLog {
    pool: PgPool,
}

impl AuditLog {
    pub async fn connect() -> Result<Self, sqlx::Error> {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
        let pool = PgPoolOptions::new().max_connections(4).connect(&url).await?;
        Ok(Self { pool })
    }

    pub async fn record(&self, actor: &str, action: &str) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO audit_log (actor, action) VALUES ($1, $2)")
            .bind(actor)
            .bind(action)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
