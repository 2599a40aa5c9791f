//! invoice-ingest-workers
//!
//! The supplier-portal relay writes one JSON event per line to our stdin for as
//! long as the portal is up. Invoices fan out to a fixed pool of workers over an
//! async-channel; batch open/close events are handled in order by the ledger.

use std::time::Duration;

use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use tokio::io::{AsyncBufReadExt, BufReader};

mod ledger;
mod ocr;
mod worker;

const WORKERS: usize = 8;

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum PortalEvent {
    BatchStart { batch: String, supplier: String },
    Invoice(worker::InvoiceJob),
    BatchEnd { batch: String, count: i64 },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(12)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let (tx, rx) = async_channel::bounded::<worker::InvoiceJob>(256);
    let mut handles = Vec::with_capacity(WORKERS);
    for n in 0..WORKERS {
        let rx = rx.clone();
        let pool = pool.clone();
        handles.push(tokio::spawn(async move {
            while let Ok(job) = rx.recv().await {
                let key = job.s3_key.clone();
                if let Err(e) = worker::process(job, &pool).await {
                    eprintln!("worker {n}: {key} failed: {e:#}");
                }
            }
        }));
    }
    drop(rx);

    let mut ledger = ledger::Ledger::new(pool.clone());
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        let event: PortalEvent = match serde_json::from_str(&line) {
            Ok(ev) => ev,
            Err(e) => {
                eprintln!("skipping malformed event: {e}");
                continue;
            }
        };
        match event {
            PortalEvent::BatchStart { batch, supplier } => ledger.start(&batch, &supplier).await?,
            PortalEvent::Invoice(job) => tx.send(job).await?,
            PortalEvent::BatchEnd { batch, count } => ledger.finish(&batch, count).await?,
        }
    }

    tx.close();
    for h in handles {
        h.await?;
    }
    pool.close().await;
    Ok(())
}
