//! ERP staging database (SQL Server) access for background housekeeping.

use bb8::Pool;
use bb8_tiberius::ConnectionManager;

pub type MssqlPool = Pool<ConnectionManager>;

/// Shared ERP staging pool for background housekeeping.
pub async fn pool(conn_str: &str) -> anyhow::Result<MssqlPool> {
    let manager = ConnectionManager::build(conn_str)?;
    let pool = Pool::builder().max_size(6).build(manager).await?;
    Ok(pool)
}

/// Uploads nobody picked up within two weeks are flagged so that the partner
/// portal can show them as expired; returns the number of rows touched.
pub async fn expire_stale_uploads(pool: &MssqlPool) -> anyhow::Result<u64> {
    let mut conn = pool.get().await?;
    let res = conn
        .execute(
            "UPDATE edi_inbox SET status = 'EXPIRED' \
             WHERE status = 'RECEIVED' AND received_at < DATEADD(day, -14, SYSUTCDATETIME())",
            &[],
        )
        .await?;
    let expired = res.total();
    if expired > 0 {
        tracing::info!(expired, "flagged stale partner uploads");
        conn.execute(
            "INSERT INTO edi_housekeeping_log (action, affected_rows, run_at) VALUES ('expire', @P1, SYSUTCDATETIME())",
            &[&(expired as i64)],
        )
        .await?;
    }
    Ok(expired)
}
