use deadpool_postgres::{Config, Pool, Runtime};
use tokio_postgres::NoTls;

/// Guest sessions shown on the front-desk dashboard.
pub struct Sessions {
    pool: Pool,
}

impl Sessions {
    pub fn new(database_url: &str) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(database_url.to_owned());
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    pub async fn opened(&self, iface: &str, mac: &str) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO guest_sessions (iface, mac, started_at) VALUES ($1, $2, now())",
                &[&iface, &mac],
            )
            .await?;
        Ok(())
    }

    pub async fn closed(&self, mac: &str) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        client
            .execute("UPDATE guest_sessions SET ended_at = now() WHERE mac = $1 AND ended_at IS NULL", &[&mac])
            .await?;
        Ok(())
    }
}
