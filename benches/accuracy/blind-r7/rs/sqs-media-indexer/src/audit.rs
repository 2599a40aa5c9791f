//! Append-only audit trail. Lives in the same Postgres database as the catalogue.

use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

pub struct AuditLog {
    pool: Pool,
}

impl AuditLog {
    pub fn new() -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(std::env::var("DATABASE_URL")?);
        cfg.pool = Some(PoolConfig::new(4));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    pub async fn record(&self, action: &str, subject: &str) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO audit_log (action, subject, at) VALUES ($1, $2, now())",
                &[&action, &subject],
            )
            .await?;
        Ok(())
    }
}
