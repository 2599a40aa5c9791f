use std::sync::Arc;

use anyhow::Context;
use futures::StreamExt;
use sqlx::postgres::PgPoolOptions;
use srt_tokio::access::{RejectReason, ServerRejectReason};
use srt_tokio::SrtListener;

mod segments;
mod session;

pub struct Shared {
    pub db: sqlx::PgPool,
    pub aws: aws_config::SdkConfig,
    pub bucket: String,
}

/// streamid is "publish/<channel>/<key>" (set by the encoder as `streamid=` in the srt:// URL)
fn parse_stream_id(raw: &str) -> Option<(String, String)> {
    let mut parts = raw.splitn(3, '/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("publish"), Some(channel), Some(key)) if !channel.is_empty() && !key.is_empty() => {
            Some((channel.to_string(), key.to_string()))
        }
        _ => None,
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let port: u16 = std::env::var("SRT_PORT").unwrap_or_else(|_| "9000".into()).parse()?;
    let database_url = std::env::var("DATABASE_URL").context("DATABASE_URL is not set")?;
    let bucket = std::env::var("ARCHIVE_BUCKET").context("ARCHIVE_BUCKET is not set")?;

    let db = PgPoolOptions::new()
        .max_connections(10)
        .connect(&database_url)
        .await
        .context("connecting to postgres")?;
    let aws = aws_config::load_from_env().await;
    let shared = Arc::new(Shared { db, aws, bucket });

    let (_server, mut incoming) = SrtListener::builder()
        .bind(port)
        .await
        .context("binding SRT listener")?;
    tracing::info!(port, "waiting for SRT callers");

    while let Some(request) = incoming.incoming().next().await {
        let remote = request.remote();
        let stream_id = request.stream_id().map(|s| s.to_string()).unwrap_or_default();

        let Some((channel, key)) = parse_stream_id(&stream_id) else {
            tracing::warn!(%remote, stream_id, "rejecting caller with malformed streamid");
            let _ = request
                .reject(RejectReason::Server(ServerRejectReason::BadRequest))
                .await;
            continue;
        };

        let socket = match request.accept(None).await {
            Ok(socket) => socket,
            Err(e) => {
                tracing::warn!(%remote, "accept failed: {e}");
                continue;
            }
        };

        let shared = shared.clone();
        tokio::spawn(async move {
            if let Err(e) = session::run(shared, socket, channel.clone(), key).await {
                tracing::error!(channel, "session ended with error: {e:#}");
            }
        });
    }
    Ok(())
}
