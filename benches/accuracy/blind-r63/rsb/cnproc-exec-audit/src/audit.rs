use anyhow::Result;
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::procinfo::ExecInfo;

type Manager = PostgresConnectionManager<NoTls>;

pub struct Auditor {
    host: String,
    _pool: Pool<Manager>,
    conn: PooledConnection<Manager>,
}

impl Auditor {
    pub fn new(database_url: &str, host: String) -> Result<Self> {
        let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
        let pool = Pool::builder().max_size(2).build(manager)?;
        let conn = pool.get()?;
        Ok(Auditor { host, _pool: pool, conn })
    }

    pub fn record(&mut self, info: &ExecInfo, allowed: bool) -> Result<()> {
        self.conn.execute(
            "INSERT INTO exec_events (host, pid, ppid, uid, exe, cmdline, allowed, seen_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, now())",
            &[&self.host, &info.pid, &info.ppid, &(info.uid as i64), &info.exe, &info.cmdline, &allowed],
        )?;
        Ok(())
    }
}
