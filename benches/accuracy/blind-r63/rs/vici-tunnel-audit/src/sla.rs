//! Tunnel availability log used by the monthly SLA report.

use anyhow::Result;
use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

use crate::inventory::Site;

pub struct SlaLog {
    pool: Pool,
}

impl SlaLog {
    pub fn connect(database_url: &str) -> Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(database_url.to_string());
        cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
        cfg.pool = Some(PoolConfig::new(8));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    pub async fn record(
        &self,
        tunnel: &str,
        unique_id: &str,
        peer: &str,
        site: Option<&Site>,
        up: bool,
    ) -> Result<()> {
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO tunnel_transitions (tunnel, ike_unique_id, peer, site_code, up, at) \
                 VALUES ($1, $2, $3, $4, $5, now())",
                &[&tunnel, &unique_id, &peer, &site.map(|s| s.code.as_str()), &up],
            )
            .await?;
        Ok(())
    }
}
