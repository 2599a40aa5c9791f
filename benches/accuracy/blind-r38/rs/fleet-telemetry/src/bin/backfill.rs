//! One-off: re-import archived NDJSON ping exports after a gateway outage.
//!   cargo run --release --bin backfill -- exports/2024-06-*.ndjson

use std::path::PathBuf;

use fleet_telemetry::{db, Ping};
use tokio::io::{AsyncBufReadExt, BufReader};

mod flags {
    use std::path::PathBuf;

    xflags::xflags! {
        /// Re-import archived ping exports into EdgeDB.
        cmd backfill {
            /// NDJSON export files to import.
            repeated files: PathBuf
            /// Parse and count only; do not write.
            optional --dry-run
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let flags = flags::Backfill::from_env_or_exit();
    let client = if flags.dry_run { None } else { Some(db::connect().await?) };

    let mut total = 0u64;
    for path in &flags.files {
        total += import_file(client.as_ref(), path).await?;
    }
    println!("backfill: {total} pings from {} files", flags.files.len());
    Ok(())
}

async fn import_file(client: Option<&edgedb_tokio::Client>, path: &PathBuf) -> anyhow::Result<u64> {
    let file = tokio::fs::File::open(path).await?;
    let mut lines = BufReader::new(file).lines();
    let mut n = 0;
    while let Some(line) = lines.next_line().await? {
        let ping: Ping = serde_json::from_str(&line)?;
        if let Some(client) = client {
            db::insert_ping(client, &ping).await?;
        }
        n += 1;
    }
    println!("backfill: {} -> {n}", path.display());
    Ok(n)
}
