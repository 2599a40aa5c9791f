//! One-off: replays a carrier CSV export into the shipments table.
//! Usage: backfill [--dry-run] path/to/export.csv

use shipments::db;
use shipments::model::{apply_event, CarrierEvent};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let mut dry_run = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--dry-run" => dry_run = true,
            other => path = Some(other.to_string()),
        }
    }
    let path = path.ok_or_else(|| anyhow::anyhow!("usage: backfill [--dry-run] <export.csv>"))?;

    let mut reader = csv::Reader::from_path(&path)?;
    if dry_run {
        let n = reader.deserialize::<CarrierEvent>().filter(|r| r.is_ok()).count();
        println!("{n} valid events in {path}, nothing written");
        return Ok(());
    }

    let pool = db::make_pool(2).await?;
    let (mut applied, mut skipped) = (0u64, 0u64);
    for record in reader.deserialize::<CarrierEvent>() {
        let ev = record?;
        if apply_event(&pool, &ev).await? {
            applied += 1;
        } else {
            skipped += 1;
        }
        if (applied + skipped) % 1000 == 0 {
            tracing::info!(applied, skipped, "progress");
        }
    }

    pool.close().await;
    println!("applied {applied}, skipped {skipped} (already newer)");
    Ok(())
}
