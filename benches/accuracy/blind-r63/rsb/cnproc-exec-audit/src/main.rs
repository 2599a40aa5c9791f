mod allowlist;
mod audit;
mod procinfo;

use anyhow::Result;
use cnproc::{PidEvent, PidMonitor};

fn main() -> Result<()> {
    env_logger::init();
    let database_url = std::env::var("AUDIT_DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/3".into());
    let host = std::fs::read_to_string("/etc/hostname")?.trim().to_owned();

    let mut auditor = audit::Auditor::new(&database_url, host)?;

    // needs CAP_NET_ADMIN; one event per fork/exec/exit on the whole runner
    let mut monitor = PidMonitor::new()?;
    log::info!("subscribed to proc connector");

    loop {
        let pid = match monitor.recv() {
            Some(PidEvent::Exec(pid)) => pid,
            Some(_) | None => continue,
        };
        let Some(info) = procinfo::read(pid) else { continue };

        let allowed = match allowlist::is_allowed(&redis_url, &info.exe) {
            Ok(a) => a,
            Err(e) => {
                log::warn!("allow-list lookup failed for {}: {e:#}", info.exe);
                true // fail open, still recorded
            }
        };
        if !allowed {
            log::warn!("unexpected binary {} (pid {}, uid {}): {}", info.exe, info.pid, info.uid, info.cmdline);
        }
        if let Err(e) = auditor.record(&info, allowed) {
            log::error!("could not record exec of {}: {e:#}", info.exe);
        }
    }
}
