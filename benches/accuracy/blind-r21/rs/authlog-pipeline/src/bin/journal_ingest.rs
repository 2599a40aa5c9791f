//! Tails sshd messages from the local systemd journal and stores failed
//! password attempts. Runs as a long-lived unit on every bastion host.

use std::time::Duration;

use authlog_pipeline::{db, parse_failed_password};
use systemd::journal::{self, JournalSeek};
use tracing::{info, warn};

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let url = std::env::var("DATABASE_URL")?;
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "unknown-host".into());

    // The journal handle is not Send, so the loop stays on this thread and
    // only the database calls go through the runtime.
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let pool = rt.block_on(db::make_pool(&url, 2))?;

    let mut journal = journal::OpenOptions::default()
        .system(true)
        .local_only(true)
        .open()?;
    journal.match_add("SYSLOG_IDENTIFIER", "sshd")?;
    match rt.block_on(db::last_cursor(&pool))? {
        Some(cursor) => {
            journal.seek(JournalSeek::Cursor { cursor })?;
            journal.next()?;
        }
        None => {
            journal.seek(JournalSeek::Tail)?;
        }
    }
    info!(%host, "tailing sshd journal");

    let mut stored = 0u64;
    loop {
        let Some(entry) = journal.await_next_entry(Some(Duration::from_secs(30)))? else {
            continue;
        };
        let Some(message) = entry.get("MESSAGE") else { continue };
        let Some((user, ip)) = parse_failed_password(message) else { continue };
        let cursor = journal.cursor()?;

        if let Err(e) = rt.block_on(db::record_failed_login(&pool, &host, &user, &ip, &cursor)) {
            warn!("could not store failed login from {ip}: {e:#}");
            continue;
        }
        stored += 1;
        if stored % 100 == 0 {
            info!(stored, "failed logins recorded");
        }
    }
}
