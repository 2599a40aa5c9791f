//! Branch-office inventory: which site sits behind which IKE identity.

use anyhow::Result;
use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

#[derive(Debug, Clone)]
pub struct Site {
    pub code: String,
    pub name: String,
    pub critical: bool,
}

pub struct Inventory {
    pool: Pool,
}

impl Inventory {
    pub fn connect(database_url: &str) -> Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(database_url.to_string());
        cfg.pool = Some(PoolConfig::new(4));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    pub async fn site_for_peer(&self, ike_identity: &str) -> Result<Option<Site>> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt(
                "SELECT s.code, s.name, s.critical FROM sites s \
                   JOIN vpn_peers p ON p.site_id = s.id WHERE p.ike_identity = $1",
                &[&ike_identity],
            )
            .await?;
        Ok(row.map(|r| Site {
            code: r.get(0),
            name: r.get(1),
            critical: r.get(2),
        }))
    }
}
