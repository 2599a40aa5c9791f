use std::path::Path;

use anyhow::Result;
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub struct Policy {
    pool: Pool<PostgresConnectionManager<NoTls>>,
}

impl Policy {
    pub fn connect() -> Result<Self> {
        let url = std::env::var("GUARD_DATABASE_URL")?;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = Pool::builder().max_size(4).build(manager)?;
        Ok(Policy { pool })
    }

    /// Longest matching prefix rule wins; the owning uid of the opener may be exempt.
    pub fn is_blocked(&self, path: &Path, pid: i32) -> Result<bool> {
        let path = path.to_string_lossy();
        let mut conn = self.pool.get()?;
        let row = conn.query_opt(
            "SELECT action, exempt_uids FROM guard_rules \
             WHERE $1 LIKE path_prefix || '%' \
             ORDER BY length(path_prefix) DESC LIMIT 1",
            &[&path.as_ref()],
        )?;
        let Some(row) = row else { return Ok(false) };
        let action: String = row.get(0);
        let exempt: Vec<i32> = row.get(1);
        let uid = opener_uid(pid).unwrap_or(-1);
        Ok(action == "deny" && !exempt.contains(&uid))
    }
}

fn opener_uid(pid: i32) -> Option<i32> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", pid)).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|uid| uid.parse().ok())
}
