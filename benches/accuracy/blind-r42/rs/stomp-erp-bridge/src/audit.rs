//! Audit trail of every booked shipment, written to the same WMS database.

use bb8::Pool;
use bb8_tiberius::ConnectionManager;

pub struct Audit {
    pool: Pool<ConnectionManager>,
}

impl Audit {
    pub async fn connect() -> anyhow::Result<Self> {
        let mgr = ConnectionManager::build(std::env::var("WMS_MSSQL").expect("WMS_MSSQL").as_str())?;
        let pool = Pool::builder().max_size(4).build(mgr).await?;
        Ok(Self { pool })
    }

    pub async fn record(&self, order_no: &str, body: &str) -> anyhow::Result<()> {
        let mut conn = self.pool.get().await?;
        conn.execute(
            "INSERT INTO shipment_audit (order_no, payload, received_at) VALUES (@P1, @P2, SYSUTCDATETIME())",
            &[&order_no, &body],
        )
        .await?;
        Ok(())
    }
}
