//! Audit log of every sync decision, kept in the ERP database so the
//! finance team can query it next to the invoices.

use mysql::prelude::*;
use mysql::Pool;

pub struct AuditLog {
    pool: Pool,
    host: String,
}

impl AuditLog {
    /// Opens the audit log; keeps its own pool for the life of the process.
    pub fn open(url: &str) -> mysql::Result<Self> {
        let pool = Pool::new(url)?;
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "unknown".into());
        Ok(Self { pool, host })
    }

    pub fn record(&self, invoice_id: u64, outcome: &str) -> mysql::Result<()> {
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO invoice_sync_audit (invoice_id, outcome, host, at) \
             VALUES (?, ?, ?, NOW())",
            (invoice_id, outcome, &self.host),
        )
    }

    pub fn recent(&self, limit: u32) -> mysql::Result<Vec<(u64, String)>> {
        let mut conn = self.pool.get_conn()?;
        conn.exec(
            "SELECT invoice_id, outcome FROM invoice_sync_audit ORDER BY at DESC LIMIT ?",
            (limit,),
        )
    }
}
