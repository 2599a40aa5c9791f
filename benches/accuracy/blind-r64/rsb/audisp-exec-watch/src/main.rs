//! Started once by auditd (plugins.d/exec-watch.conf) and fed every audit
//! record on stdin until auditd stops. Records of one event share a serial
//! and end with an EOE record.

mod alert;
mod record;
mod store;

use std::collections::HashMap;
use std::env;
use std::io::{self, BufRead};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Result;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

fn main() -> Result<()> {
    let db_url = env::var("EXEC_WATCH_DATABASE_URL")?;
    let webhook = env::var("EXEC_WATCH_ALERT_URL")?;
    let host = env::var("HOSTNAME").unwrap_or_else(|_| "unknown".into());

    let term = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&term))?;

    let manager = PostgresConnectionManager::new(db_url.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(3).build(manager)?;
    store::spawn_retention(pool.clone());
    let mut recorder = store::Recorder::new(&pool, host.clone())?;

    let mut pending: HashMap<u64, Vec<record::Record>> = HashMap::new();
    for line in io::stdin().lock().lines() {
        if term.load(Ordering::Relaxed) {
            break;
        }
        let line = line?;
        let Some(rec) = record::parse(&line) else { continue };
        if rec.kind != "EOE" {
            pending.entry(rec.serial).or_default().push(rec);
            continue;
        }
        let Some(parts) = pending.remove(&rec.serial) else { continue };
        let Some(ev) = record::Exec::assemble(rec.serial, &parts) else { continue };
        if !matches!(ev.key.as_str(), "priv_exec" | "net_tool") {
            continue;
        }
        if let Err(e) = recorder.save(&ev) {
            eprintln!("exec-watch: insert failed for serial {}: {e}", ev.serial);
        }
        if let Err(e) = alert::send(&webhook, &host, &ev) {
            eprintln!("exec-watch: alert failed: {e}");
        }
        if pending.len() > 10_000 {
            pending.clear(); // lost EOEs (auditd backlog overflow)
        }
    }
    Ok(())
}
