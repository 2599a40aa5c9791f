use std::path::PathBuf;
use std::thread;
use std::time::Duration;

use log::LevelFilter;

mod importer;
mod pglog;

fn main() -> anyhow::Result<()> {
    let log_db = std::env::var("LOG_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://logs@logs-db.internal:5432/observability".into());
    pglog::init(log_db, LevelFilter::Info)?;

    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(5))
        .timeout(Duration::from_secs(30))
        .user_agent("ledger-importer/0.8")
        .build();

    let importer = importer::Importer::new(
        agent,
        std::env::var("LEDGER_API").unwrap_or_else(|_| "https://ledger.internal".into()),
        PathBuf::from(std::env::var("INBOX_DIR").unwrap_or_else(|_| "/srv/sftp/statements".into())),
    )?;

    log::info!("ledger importer started");
    loop {
        match importer.scan_once() {
            Ok(0) => {}
            Ok(n) => log::info!("handled {n} statement files"),
            Err(e) => log::error!("inbox scan failed: {e}"),
        }
        thread::sleep(Duration::from_secs(10));
    }
}
