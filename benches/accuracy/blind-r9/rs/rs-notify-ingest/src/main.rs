//! Watches the scanner drop folder. Every new PDF is uploaded to S3, indexed in
//! Elasticsearch, recorded in ClickHouse, and a second subscriber mirrors
//! metadata into MongoDB.

mod mirror;

use std::path::{Path, PathBuf};

use anyhow::Result;
use aws_sdk_s3::primitives::ByteStream;
use elasticsearch::http::transport::Transport;
use elasticsearch::{Elasticsearch, IndexParts};
use notify::{Config, Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use serde_json::json;
use tokio::sync::{broadcast, mpsc};

#[derive(clickhouse::Row, serde::Serialize)]
struct IngestRow {
    path: String,
    bytes: u64,
}

async fn ingest(path: &Path, ch: &clickhouse::Client) -> Result<()> {
    let body = tokio::fs::read(path).await?;
    let key = path.file_name().unwrap().to_string_lossy().to_string();
    let size = body.len() as u64;

    let s3 = aws_sdk_s3::Client::new(&aws_config::load_from_env().await);
    s3.put_object()
        .bucket("scanned-docs")
        .key(&key)
        .body(ByteStream::from(body))
        .send()
        .await?;

    let es_url = std::env::var("ES_URL").unwrap_or_else(|_| "http://localhost:9200".into());
    let es = Elasticsearch::new(Transport::single_node(&es_url)?);
    es.index(IndexParts::IndexId("scans", &key))
        .body(json!({ "key": key, "bytes": size }))
        .send()
        .await?;

    let mut insert = ch.insert("ingested_files")?;
    insert.write(&IngestRow { path: path.display().to_string(), bytes: size }).await?;
    insert.end().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let ch = clickhouse::Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://localhost:8123".into()))
        .with_database("ops");

    let (tx, mut rx) = mpsc::channel::<notify::Result<Event>>(256);
    let mut watcher = RecommendedWatcher::new(
        move |res| {
            let _ = tx.blocking_send(res);
        },
        Config::default(),
    )?;
    watcher.watch(Path::new("/srv/scanner/drop"), RecursiveMode::NonRecursive)?;

    let (bus, _) = broadcast::channel::<PathBuf>(64);
    tokio::spawn(mirror::run(bus.subscribe()));

    while let Some(res) = rx.recv().await {
        let event = match res {
            Ok(ev) => ev,
            Err(e) => {
                eprintln!("watch error: {e}");
                continue;
            }
        };
        if !matches!(event.kind, EventKind::Create(_)) {
            continue;
        }
        for path in event.paths {
            if path.extension().map(|e| e == "pdf").unwrap_or(false) {
                if let Err(e) = ingest(&path, &ch).await {
                    eprintln!("ingest {}: {e:#}", path.display());
                }
                let _ = bus.send(path);
            }
        }
    }
    Ok(())
}
