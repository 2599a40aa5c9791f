//! Failover journal: every transition, in order, for the post-mortem tooling.
use std::env;

use mysql::prelude::*;
use mysql::{Opts, Pool, PooledConn};

use crate::Transition;

pub fn pool() -> Result<Pool, mysql::Error> {
    let url = env::var("OPS_DATABASE_URL")
        .unwrap_or_else(|_| "mysql://keepalived@db-ops.internal:3306/ops".to_string());
    Pool::new(Opts::from_url(&url)?)
}

pub struct Journal {
    conn: PooledConn,
}

impl Journal {
    pub fn open(pool: &Pool) -> Result<Journal, mysql::Error> {
        let conn = pool.get_conn()?;
        Ok(Journal { conn })
    }

    pub fn record(&mut self, host: &str, t: &Transition) -> Result<(), mysql::Error> {
        self.conn.exec_drop(
            "INSERT INTO vrrp_transitions (host, kind, name, state, priority, seen_at) \
             VALUES (?, ?, ?, ?, ?, NOW(6))",
            (host, &t.kind, &t.name, &t.state, t.priority),
        )
    }
}
