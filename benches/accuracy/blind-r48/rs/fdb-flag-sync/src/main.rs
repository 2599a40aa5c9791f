mod edge;

use std::collections::BTreeMap;

use anyhow::Context;
use foundationdb::tuple::Subspace;
use foundationdb::{Database, RangeOption};

use edge::EdgePublisher;

const VERSION_KEY: &[u8] = b"flags/_version";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // SAFETY: the network guard lives until the end of main.
    let network = unsafe { foundationdb::boot() };
    let result = run().await;
    drop(network);
    result
}

async fn run() -> anyhow::Result<()> {
    let db = Database::default().context("opening FoundationDB from the default cluster file")?;
    let edge = EdgePublisher::from_env()?;
    let flags = Subspace::from_bytes(b"flags/values/");

    let mut published: Option<u64> = None;
    loop {
        // Read the version and register a watch in the same transaction; the
        // watch only becomes active once the transaction commits.
        let trx = db.create_trx()?;
        let version = trx
            .get(VERSION_KEY, false)
            .await?
            .map(|v| parse_version(&v))
            .unwrap_or(0);
        let changed = trx.watch(VERSION_KEY);
        trx.commit().await.map_err(|e| anyhow::anyhow!("commit failed: {e:?}"))?;

        if published != Some(version) {
            let snapshot = read_flags(&db, &flags).await?;
            edge.publish(version, &snapshot).await?;
            tracing::info!(version, count = snapshot.len(), "published flag snapshot");
            published = Some(version);
        }

        changed.await.context("watch on flags/_version failed")?;
    }
}

async fn read_flags(db: &Database, flags: &Subspace) -> anyhow::Result<BTreeMap<String, serde_json::Value>> {
    let trx = db.create_trx()?;
    let range = RangeOption::from(flags);
    let values = trx.get_range(&range, 1, true).await?;
    let mut out = BTreeMap::new();
    for kv in values.iter() {
        let name = String::from_utf8_lossy(&kv.key()[flags.bytes().len()..]).into_owned();
        let value: serde_json::Value = serde_json::from_slice(kv.value()).unwrap_or(serde_json::Value::Null);
        out.insert(name, value);
    }
    Ok(out)
}

fn parse_version(raw: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = raw.len().min(8);
    buf[..n].copy_from_slice(&raw[..n]);
    u64::from_le_bytes(buf)
}
