mod analytics;
mod cache;
mod ratelimit;
mod rpc;

use jsonrpsee::server::Server;
use rpc::{LedgerApiServer, LedgerRpc};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    let cache = cache::BalanceCache::connect(&redis_url).await?;
    let limiter = ratelimit::RateLimiter::connect(&redis_url, 120).await?;

    let server = Server::builder().build("0.0.0.0:9944").await?;
    let addr = server.local_addr()?;

    let module = LedgerRpc {
        mongo_uri: std::env::var("MONGODB_URI")?,
        cache,
        limiter,
    }
    .into_rpc();

    let handle = server.start(module);
    tracing::info!(%addr, "ledger rpc listening");

    tokio::select! {
        _ = handle.clone().stopped() => {}
        _ = tokio::signal::ctrl_c() => {
            let _ = handle.stop();
        }
    }
    Ok(())
}
