mod clusters;
mod indexer;

use nostr_sdk::prelude::*;
use tracing::{info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let keys = Keys::generate();
    let client = Client::new(keys);
    for relay in std::env::var("RELAYS")
        .unwrap_or_else(|_| "wss://relay.damus.io,wss://nos.lol".into())
        .split(',')
    {
        client.add_relay(relay.trim()).await?;
    }
    client.connect().await;

    let communities: Vec<String> = std::env::var("COMMUNITIES")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let filter = Filter::new()
        .kind(Kind::TextNote)
        .hashtags(communities)
        .since(Timestamp::now());
    client.subscribe(vec![filter], None).await?;
    info!("subscribed; indexing");

    client
        .handle_notifications(|notification| async move {
            if let RelayPoolNotification::Event { event, .. } = notification {
                if let Err(e) = indexer::index_event(&event).await {
                    warn!(id = %event.id, "not indexed: {e:#}");
                }
            }
            Ok(false)
        })
        .await?;
    Ok(())
}
