use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;

mod agent;
mod ratelimit;
mod reputation;
mod spop;

pub struct Services {
    pub limiter: ratelimit::Limiter,
    pub reputation: reputation::Reputation,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let listen = std::env::var("SPOA_LISTEN").unwrap_or_else(|_| "127.0.0.1:12345".into());
    let redis_url = std::env::var("REDIS_URL").context("REDIS_URL is not set")?;
    let rep_api = std::env::var("REPUTATION_API_URL").context("REPUTATION_API_URL is not set")?;
    let rep_key = std::env::var("REPUTATION_API_KEY").context("REPUTATION_API_KEY is not set")?;
    let limit: u64 = std::env::var("RATE_LIMIT_PER_MIN")
        .unwrap_or_else(|_| "600".into())
        .parse()?;

    let services = Arc::new(Services {
        limiter: ratelimit::Limiter::connect(&redis_url, limit, 60).await?,
        reputation: reputation::Reputation::connect(&redis_url, rep_api, rep_key).await?,
    });

    let listener = TcpListener::bind(&listen).await?;
    log::info!("spoa-guard listening on {listen}");

    // HAProxy opens a handful of long-lived connections and multiplexes
    // NOTIFY frames (one per HTTP request) over them.
    loop {
        let (stream, peer) = listener.accept().await?;
        stream.set_nodelay(true)?;
        let services = services.clone();
        tokio::spawn(async move {
            if let Err(e) = agent::serve(stream, services).await {
                log::warn!("haproxy connection {peer} closed: {e:#}");
            }
        });
    }
}
