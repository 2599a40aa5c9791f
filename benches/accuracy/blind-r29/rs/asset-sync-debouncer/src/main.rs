mod clients;
mod publish;

use std::path::PathBuf;
use std::time::Duration;

use notify_debouncer_mini::notify::{RecursiveMode, Watcher};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, DebouncedEventKind};
use tokio::sync::mpsc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let root = PathBuf::from(std::env::var("RENDER_OUTPUT").unwrap_or_else(|_| "/mnt/renders".into()));
    let bucket = std::env::var("ASSET_BUCKET")?;

    // Both clients are built exactly once, before the watch loop starts.
    let pool = clients::make_pool().await?;
    let s3 = clients::s3().await;
    let publisher = publish::Publisher::new(pool, s3, bucket);

    let (tx, mut rx) = mpsc::channel::<DebounceEventResult>(64);
    let mut debouncer = new_debouncer(Duration::from_secs(3), move |res: DebounceEventResult| {
        // Runs on the debouncer thread; only hands the batch over.
        let _ = tx.blocking_send(res);
    })?;
    debouncer.watcher().watch(&root, RecursiveMode::Recursive)?;
    tracing::info!("watching {}", root.display());

    while let Some(res) = rx.recv().await {
        let events = match res {
            Ok(ev) => ev,
            Err(e) => {
                tracing::warn!("watch error: {e}");
                continue;
            }
        };
        let frames: Vec<PathBuf> = events
            .into_iter()
            .filter(|e| e.kind == DebouncedEventKind::Any)
            .map(|e| e.path)
            .filter(|p| p.extension().map(|x| x == "exr" || x == "png").unwrap_or(false))
            .collect();
        if frames.is_empty() {
            continue;
        }
        if let Err(e) = publisher.publish_batch(&root, &frames).await {
            tracing::error!("publishing {} frames failed: {e}", frames.len());
        }
    }
    Ok(())
}
