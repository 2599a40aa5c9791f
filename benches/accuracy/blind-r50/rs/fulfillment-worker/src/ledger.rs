use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

/// Shipment ledger: written by the worker, read by finance reports.
pub struct Ledger {
    pool: Pool,
}

impl Ledger {
    pub fn connect() -> anyhow::Result<Self> {
        let pg: tokio_postgres::Config = std::env::var("DATABASE_URL")?.parse()?;
        let mgr = Manager::from_config(pg, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(mgr).max_size(6).build()?;
        Ok(Self { pool })
    }

    pub async fn record_shipment(&self, order_id: i64, warehouse: &str, tracking: &str) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO shipment_ledger (order_id, warehouse, tracking_no, shipped_at) VALUES ($1, $2, $3, now())",
                &[&order_id, &warehouse, &tracking],
            )
            .await?;
        Ok(())
    }
}
