//! RTMP ingest gate: OBS / hardware encoders publish to rtmp://ingest:1935/live/<key>.
//! Every TCP connection gets its own task; the RTMP session is driven in session.rs.

mod auth;
mod session;
mod thumbs;

use std::sync::Arc;
use std::time::Duration;

use aws_config::BehaviorVersion;
use tokio::net::TcpListener;
use tracing::{info, warn};

pub struct Ctx {
    pub db_url: String,
    pub aws: aws_config::SdkConfig,
    pub thumbs_bucket: String,
    pub http: reqwest::Client,
    pub lifecycle_webhook: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let aws = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let ctx = Arc::new(Ctx {
        db_url: std::env::var("DATABASE_URL")?,
        aws,
        thumbs_bucket: std::env::var("THUMBS_BUCKET").unwrap_or_else(|_| "live-thumbs".into()),
        http,
        lifecycle_webhook: std::env::var("LIFECYCLE_WEBHOOK")?,
    });

    let listener = TcpListener::bind("0.0.0.0:1935").await?;
    info!("rtmp ingest listening on :1935");

    loop {
        let (socket, peer) = listener.accept().await?;
        socket.set_nodelay(true).ok();
        let ctx = ctx.clone();
        tokio::spawn(async move {
            if let Err(e) = session::run(socket, ctx).await {
                warn!(%peer, error = %e, "rtmp connection closed with error");
            }
        });
    }
}
