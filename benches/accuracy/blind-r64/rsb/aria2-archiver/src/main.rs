mod archive;
mod rpc;

use std::env;
use std::time::Duration;

use anyhow::Result;
use aws_config::BehaviorVersion;
use futures_util::StreamExt;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use tokio_tungstenite::{connect_async, tungstenite::Message};

#[derive(Deserialize)]
struct Notification {
    method: String,
    params: Vec<GidParam>,
}

#[derive(Deserialize)]
struct GidParam {
    gid: String,
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let ws_url = env::var("ARIA2_WS_URL").unwrap_or_else(|_| "ws://127.0.0.1:6800/jsonrpc".into());
    let http_url = env::var("ARIA2_RPC_URL").unwrap_or_else(|_| "http://127.0.0.1:6800/jsonrpc".into());
    let secret = env::var("ARIA2_SECRET")?;

    let pool = PgPoolOptions::new().max_connections(4).connect(&env::var("DATABASE_URL")?).await?;
    let aws = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let archiver = archive::Archiver {
        pool,
        s3: aws_sdk_s3::Client::new(&aws),
        bucket: env::var("ARCHIVE_BUCKET")?,
        aria2: rpc::Aria2::new(&http_url, &secret)?,
    };

    // aria2 is restarted by its own unit on upgrades; keep re-subscribing.
    let mut backoff = Duration::from_secs(1);
    loop {
        match connect_async(ws_url.as_str()).await {
            Ok((mut ws, _)) => {
                tracing::info!("subscribed to aria2 notifications");
                backoff = Duration::from_secs(1);
                while let Some(msg) = ws.next().await {
                    let text = match msg {
                        Ok(Message::Text(t)) => t,
                        Ok(_) => continue,
                        Err(e) => {
                            tracing::warn!("aria2 websocket closed: {e}");
                            break;
                        }
                    };
                    let Ok(note) = serde_json::from_str::<Notification>(&text) else { continue };
                    if note.method != "aria2.onDownloadComplete" && note.method != "aria2.onBtDownloadComplete" {
                        continue;
                    }
                    for p in note.params {
                        if let Err(e) = archiver.archive(&p.gid).await {
                            tracing::error!(gid = %p.gid, "archive failed: {e:#}");
                        }
                    }
                }
            }
            Err(e) => tracing::warn!("aria2 not reachable: {e}"),
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}
