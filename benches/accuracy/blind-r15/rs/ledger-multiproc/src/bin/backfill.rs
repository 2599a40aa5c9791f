//! One-off: replays a JSONL export of entries that the gateway rejected during the outage.
use ledger_ingest::{db, entry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: backfill <entries.jsonl>"))?;

    let pool = db::make_pool(2).await?;
    let text = tokio::fs::read_to_string(&path).await?;

    let (mut applied, mut duplicates) = (0u64, 0u64);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let e: entry::Entry = serde_json::from_str(line)?;
        if entry::apply(&pool, &e).await? {
            applied += 1;
        } else {
            duplicates += 1;
        }
    }

    pool.close().await;
    println!("applied {applied}, skipped {duplicates} duplicates");
    Ok(())
}
