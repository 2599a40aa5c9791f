mod db;
mod indexer;
mod prices;

use std::sync::Arc;

use anyhow::Context;
use ethers::providers::{Middleware, Provider, Ws};
use ethers::types::Address;
use futures_util::StreamExt;

use crate::indexer::Indexer;
use crate::prices::PriceCache;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ws_url = std::env::var("ETH_WS_URL").context("ETH_WS_URL")?;
    let database_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let watched: Vec<Address> = std::env::var("WATCHED_ADDRESSES")
        .context("WATCHED_ADDRESSES")?
        .split(',')
        .map(|a| a.trim().parse())
        .collect::<Result<_, _>>()
        .context("bad address in WATCHED_ADDRESSES")?;

    let pool = db::connect(&database_url).await?;
    if let Some(purge) = std::env::var("PURGE_BLOCK_HASH").ok() {
        let removed = db::purge_block(&pool, &purge).await?;
        tracing::warn!(%purge, removed, "purged re-orged block");
    }
    let resume = db::last_committed_block(&pool).await?;
    let (transfers, usd) = db::transfer_stats(&pool).await?;
    tracing::info!(?resume, transfers, usd, "indexer state loaded");
    let prices = PriceCache::new(&database_url).await?;
    let provider = Arc::new(Provider::<Ws>::connect(&ws_url).await?);

    let mut indexer = Indexer::new(pool, prices, provider.clone(), redis_url, watched);

    let mut blocks = provider.subscribe_blocks().await?;
    tracing::info!("subscribed to new heads");
    loop {
        tokio::select! {
            next = blocks.next() => {
                let Some(block) = next else {
                    anyhow::bail!("block subscription closed by node");
                };
                if let Err(e) = indexer.on_block(block).await {
                    tracing::error!("block handling failed: {e:#}");
                }
            }
            _ = tokio::signal::ctrl_c() => {
                tracing::info!("shutting down");
                break;
            }
        }
    }
    Ok(())
}
