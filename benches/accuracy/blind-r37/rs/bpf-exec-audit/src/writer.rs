use std::time::Duration;

use crossbeam_channel::{Receiver, RecvTimeoutError};
use mysql::prelude::Queryable;
use mysql::{Opts, OptsBuilder, Pool, PooledConn};

pub struct ExecEvent {
    pub pid: u32,
    pub uid: u32,
    pub comm: String,
    pub filename: String,
}

/// Owns the long-lived MySQL pool and Redis connection; built once in main
/// and moved onto the writer thread.
pub struct Writer {
    mysql: Pool,
    redis: redis::Connection,
    host: String,
}

impl Writer {
    pub fn connect(mysql_url: &str, redis_url: &str, host: String) -> anyhow::Result<Self> {
        let opts = OptsBuilder::from_opts(Opts::from_url(mysql_url)?)
            .tcp_connect_timeout(Some(Duration::from_secs(5)));
        let mysql = Pool::new(opts)?;
        let redis = redis::Client::open(redis_url)?.get_connection()?;
        Ok(Self { mysql, redis, host })
    }

    pub fn run(mut self, rx: Receiver<ExecEvent>) {
        let mut batch: Vec<ExecEvent> = Vec::with_capacity(512);
        loop {
            match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(ev) => {
                    batch.push(ev);
                    if batch.len() < 512 {
                        continue;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if batch.is_empty() {
                continue;
            }
            if let Err(e) = self.flush(&batch) {
                log::error!("audit flush failed ({} events): {e}", batch.len());
            }
            batch.clear();
        }
    }

    fn flush(&mut self, batch: &[ExecEvent]) -> anyhow::Result<()> {
        let mut conn: PooledConn = self.mysql.get_conn()?;
        conn.exec_batch(
            "INSERT INTO exec_audit (host, pid, uid, comm, filename, seen_at)
             VALUES (?, ?, ?, ?, ?, NOW())",
            batch
                .iter()
                .map(|e| (&self.host, e.pid, e.uid, &e.comm, &e.filename)),
        )?;
        let mut pipe = redis::pipe();
        for e in batch {
            pipe.zincr(format!("exec:{}", self.host), &e.filename, 1).ignore();
        }
        pipe.query::<()>(&mut self.redis)?;
        Ok(())
    }
}
