use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

/// Read/write access to the `assets` table.
pub struct Inventory {
    pool: Pool,
}

impl Inventory {
    pub fn connect(database_url: &str) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(database_url.to_string());
        cfg.pool = Some(PoolConfig::new(4));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    pub async fn asset_tag(&self, vid: u16, pid: u16, serial: &str) -> anyhow::Result<Option<String>> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt(
                "SELECT asset_tag FROM assets WHERE usb_vid = $1 AND usb_pid = $2 AND usb_serial = $3",
                &[&(vid as i32), &(pid as i32), &serial],
            )
            .await?;
        Ok(row.map(|r| r.get(0)))
    }

    pub async fn mark_location(&self, tag: &str, bench: &str) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        client
            .execute(
                "UPDATE assets SET last_bench = $2, last_seen = now() WHERE asset_tag = $1",
                &[&tag, &bench],
            )
            .await?;
        Ok(())
    }
}
