mod db;
mod indexer;

use std::time::Duration;

use futures::StreamExt;
use ipfs_api_backend_hyper::{IpfsApi, IpfsClient, TryFromUri};
use tracing::{info, warn};

use indexer::{Announcement, Indexer};

const TOPIC: &str = "acme/datasets/v1";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let api_url = std::env::var("IPFS_API").unwrap_or_else(|_| "http://127.0.0.1:5001".into());
    let ipfs = IpfsClient::from_str(&api_url)?;
    let pool = db::connect_with_retry(&std::env::var("CATALOGUE_DATABASE_URL")?).await?;

    let mut backoff = Duration::from_secs(1);
    loop {
        info!(topic = TOPIC, "subscribing");
        let mut messages = ipfs.pubsub_sub(TOPIC);
        loop {
            let next = tokio::select! {
                next = messages.next() => next,
                _ = tokio::signal::ctrl_c() => {
                    pool.close().await;
                    return Ok(());
                }
            };
            let msg = match next {
                Some(Ok(msg)) => msg,
                Some(Err(err)) => {
                    warn!("pubsub stream error: {err}");
                    break;
                }
                None => break,
            };
            backoff = Duration::from_secs(1);

            let ann: Announcement = match serde_json::from_slice(&msg.data) {
                Ok(ann) => ann,
                Err(err) => {
                    warn!(from = %msg.from, "ignoring malformed announcement: {err}");
                    continue;
                }
            };
            let indexer = Indexer::new(&ipfs, &pool);
            match indexer.index(&ann).await {
                Ok(()) => info!(cid = %ann.cid, "manifest indexed"),
                Err(err) => warn!(cid = %ann.cid, "manifest rejected: {err:#}"),
            }
        }
        warn!(?backoff, "subscription ended, resubscribing");
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}
