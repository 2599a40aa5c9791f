//! Smart-meter drop ingester. The head-end system drops one CSV per meter
//! batch into the spool directory; every create/rename event is ingested into
//! InfluxDB and recorded in the Postgres file catalog.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use hotwatch::{Event, EventKind, Hotwatch};

mod audit;
mod catalog;
mod ingest;
mod parse;

use audit::AuditLog;
use catalog::Catalog;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let catalog = Arc::new(Catalog::connect().await?);
    let audit = Arc::new(AuditLog::connect().await?);
    let rt = tokio::runtime::Handle::current();

    let spool: PathBuf = std::env::var("SPOOL_DIR").unwrap_or_else(|_| "/var/spool/meters".into()).into();
    let mut hotwatch = Hotwatch::new_with_custom_delay(Duration::from_secs(3))?;

    hotwatch.watch(&spool, move |event: Event| {
        if !matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) {
            return;
        }
        for path in event.paths.iter().cloned() {
            if path.extension().and_then(|e| e.to_str()) != Some("csv") {
                continue;
            }
            let catalog = Arc::clone(&catalog);
            let audit = Arc::clone(&audit);
            rt.spawn(async move {
                if let Err(e) = ingest::ingest_file(&catalog, &audit, &path).await {
                    tracing::error!(file = %path.display(), "ingest failed: {e:#}");
                }
            });
        }
    })?;

    tracing::info!(dir = %spool.display(), "watching spool");
    tokio::signal::ctrl_c().await?;
    drop(hotwatch);
    Ok(())
}
