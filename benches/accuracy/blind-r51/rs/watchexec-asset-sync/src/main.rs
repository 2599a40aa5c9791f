mod manifest;
mod upload;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use miette::{IntoDiagnostic, Result};
use watchexec::Watchexec;
use watchexec_signals::Signal;

use upload::SyncConfig;

#[tokio::main]
async fn main() -> Result<()> {
    let root = PathBuf::from(std::env::var("ASSET_ROOT").unwrap_or_else(|_| "dist".into()));
    let cfg = Arc::new(SyncConfig {
        root: root.canonicalize().into_diagnostic()?,
        bucket: std::env::var("ASSET_BUCKET").into_diagnostic()?,
        purge_url: std::env::var("CDN_PURGE_URL").ok(),
    });

    // One HTTP client for CDN purges; cheap clones share its connection pool.
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .into_diagnostic()?;

    let wx = Watchexec::new_async(move |mut action| {
        let cfg = Arc::clone(&cfg);
        let http = http.clone();
        Box::new(async move {
            if action
                .signals()
                .any(|sig| sig == Signal::Interrupt || sig == Signal::Terminate)
            {
                action.quit();
                return action;
            }

            let changed: BTreeSet<PathBuf> = action
                .events
                .iter()
                .flat_map(|event| event.paths())
                .map(|(path, _)| path.to_path_buf())
                .filter(|path| path.is_file())
                .collect();

            if !changed.is_empty() {
                let batch: Vec<PathBuf> = changed.into_iter().collect();
                match upload::sync_batch(&cfg, &http, &batch).await {
                    Ok(n) => eprintln!("synced {n} asset(s)"),
                    Err(err) => eprintln!("sync failed: {err}"),
                }
            }
            action
        })
    })?;

    wx.config.pathset([root]);
    wx.config.throttle(Duration::from_millis(750));

    wx.main().await.into_diagnostic()??;
    Ok(())
}
