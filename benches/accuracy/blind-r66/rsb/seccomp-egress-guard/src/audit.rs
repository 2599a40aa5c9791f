//! Egress audit trail for the security team.
use std::net::SocketAddr;

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::{NoTls, Statement};
use r2d2_postgres::PostgresConnectionManager;

type Manager = PostgresConnectionManager<NoTls>;

pub struct Auditor {
    conn: PooledConnection<Manager>,
    insert: Statement,
}

impl Auditor {
    /// Checks out one connection and prepares the insert once, so every
    /// decision costs a single round trip.
    pub fn new(pool: &Pool<Manager>) -> anyhow::Result<Auditor> {
        let mut conn = pool.get()?;
        let insert = conn.prepare(
            "INSERT INTO egress_audit (project, pid, dest_ip, dest_port, allowed, at)
             VALUES ($1, $2, $3, $4, $5, now())",
        )?;
        Ok(Auditor { conn, insert })
    }

    pub fn record(&mut self, project: &str, pid: u32, addr: &SocketAddr, allowed: bool) -> anyhow::Result<()> {
        let ip = addr.ip();
        self.conn.execute(
            &self.insert,
            &[&project, &(pid as i32), &ip, &(addr.port() as i32), &allowed],
        )?;
        Ok(())
    }
}
