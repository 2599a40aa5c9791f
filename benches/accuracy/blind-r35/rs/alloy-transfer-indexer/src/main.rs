mod alerts;
mod block;
mod db;

use std::sync::Arc;

use alloy::providers::{Provider, ProviderBuilder, WsConnect};
use futures_util::StreamExt;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let rpc = std::env::var("ETH_WS_URL").expect("ETH_WS_URL");
    let provider = Arc::new(ProviderBuilder::new().on_ws(WsConnect::new(rpc)).await?);

    let pool = db::make_pool().await?;
    let alerts = Arc::new(alerts::AlertSink::connect().await?);

    let sub = provider.subscribe_blocks().await?;
    let mut headers = sub.into_stream();
    tracing::info!("subscribed to new heads");

    while let Some(header) = headers.next().await {
        let provider = provider.clone();
        let pool = pool.clone();
        let alerts = alerts.clone();
        tokio::spawn(async move {
            if let Err(e) = block::handle_block(provider, pool, alerts, header.number).await {
                tracing::error!(block = header.number, "indexing failed: {e:#}");
            }
        });
    }
    Ok(())
}
