use deadpool_postgres::{Config, Pool, Runtime};
use tokio_postgres::NoTls;

/// Append-only log of plug events (`usb_audit`), same database as the inventory.
pub struct AuditLog {
    pool: Pool,
}

impl AuditLog {
    pub fn connect(database_url: &str) -> anyhow::Result<Self> {
        let cfg = Config {
            url: Some(database_url.to_string()),
            ..Default::default()
        };
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    pub async fn record(&self, bench: &str, device: &str, what: &str) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO usb_audit (bench, device, event, at) VALUES ($1, $2, $3, now())",
                &[&bench, &device, &what],
            )
            .await?;
        Ok(())
    }
}
