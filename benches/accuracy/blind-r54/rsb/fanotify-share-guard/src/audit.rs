use std::path::Path;

use anyhow::Result;
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

/// Writes one row per permission decision to `guard_audit`.
pub struct AuditLog {
    pool: Pool<PostgresConnectionManager<NoTls>>,
    host: String,
}

impl AuditLog {
    pub fn connect() -> Result<Self> {
        let url = std::env::var("GUARD_DATABASE_URL")?;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = Pool::builder()
            .max_size(8)
            .min_idle(Some(2))
            .build(manager)?;
        let host = std::fs::read_to_string("/etc/hostname")
            .map(|h| h.trim().to_string())
            .unwrap_or_else(|_| "unknown".to_string());
        Ok(AuditLog { pool, host })
    }

    pub fn record(&self, path: &Path, pid: i32, allowed: bool) {
        let path = path.to_string_lossy();
        let result = self.pool.get().map_err(anyhow::Error::from).and_then(|mut conn| {
            conn.execute(
                "INSERT INTO guard_audit (host, path, pid, allowed, at) VALUES ($1, $2, $3, $4, now())",
                &[&self.host, &path.as_ref(), &pid, &allowed],
            )?;
            Ok(())
        });
        if let Err(e) = result {
            log::error!("audit write failed: {}", e);
        }
    }
}
