mod db;
mod supervisor;
mod worker;

use std::path::PathBuf;

use mysql::prelude::Queryable;
use serde::{Deserialize, Serialize};

/// Sent from the supervisor to a worker over ipc-channel.
#[derive(Serialize, Deserialize, Debug)]
pub struct Job {
    pub path: String,
    pub supplier: String,
}

/// One-off maintenance: purge prices of delisted suppliers, then exit.
fn purge_delisted() -> anyhow::Result<()> {
    let pool = db::make_pool(1)?;
    let mut conn = pool.get_conn()?;
    conn.query_drop(
        "DELETE p FROM supplier_prices p LEFT JOIN suppliers s ON s.code = p.supplier \
         WHERE s.code IS NULL OR s.delisted_at IS NOT NULL",
    )?;
    println!("purged {} stale price rows", conn.affected_rows());
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("worker") => {
            let name = args.get(2).cloned().expect("worker needs the bootstrap server name");
            worker::run(name)
        }
        Some("purge-delisted") => purge_delisted(),
        _ => {
            let spool = PathBuf::from(std::env::var("SPOOL_DIR").unwrap_or_else(|_| "/var/spool/prices".into()));
            let workers = std::env::var("WORKERS").ok().and_then(|w| w.parse().ok()).unwrap_or(3);
            supervisor::run(spool, workers)
        }
    }
}
