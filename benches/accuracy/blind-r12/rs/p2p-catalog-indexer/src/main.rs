mod catalog;
mod peers;

use std::time::Duration;

use elasticsearch::http::transport::Transport;
use elasticsearch::{Elasticsearch, IndexParts};
use futures::StreamExt;
use libp2p::swarm::{NetworkBehaviour, SwarmEvent};
use libp2p::{gossipsub, noise, tcp, yamux, Multiaddr};
use serde::{Deserialize, Serialize};

#[derive(NetworkBehaviour)]
struct IndexerBehaviour {
    gossipsub: gossipsub::Behaviour,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Listing {
    pub sku: String,
    pub title: String,
    pub price_cents: i64,
    pub seller: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let catalog = catalog::init_pool()?;
    let peer_pool = peers::connect().await?;
    let es_url = std::env::var("ELASTICSEARCH_URL").unwrap_or_else(|_| "http://127.0.0.1:9200".into());

    let mut swarm = libp2p::SwarmBuilder::with_new_identity()
        .with_tokio()
        .with_tcp(tcp::Config::default(), noise::Config::new, yamux::Config::default)?
        .with_behaviour(|key| {
            let config = gossipsub::ConfigBuilder::default()
                .heartbeat_interval(Duration::from_secs(10))
                .validation_mode(gossipsub::ValidationMode::Strict)
                .build()
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::Other, e))?;
            let gossipsub =
                gossipsub::Behaviour::new(gossipsub::MessageAuthenticity::Signed(key.clone()), config)?;
            Ok(IndexerBehaviour { gossipsub })
        })?
        .with_swarm_config(|c| c.with_idle_connection_timeout(Duration::from_secs(60)))
        .build();

    let topic = gossipsub::IdentTopic::new("catalog/listings/v1");
    swarm.behaviour_mut().gossipsub.subscribe(&topic)?;
    swarm.listen_on("/ip4/0.0.0.0/tcp/4001".parse()?)?;

    if let Ok(seeds) = std::env::var("BOOTSTRAP_PEERS") {
        for seed in seeds.split(',').filter(|s| !s.is_empty()) {
            swarm.dial(seed.parse::<Multiaddr>()?)?;
        }
    }

    loop {
        tokio::select! {
            event = swarm.select_next_some() => match event {
                SwarmEvent::NewListenAddr { address, .. } => {
                    tracing::info!(%address, "listening");
                }
                SwarmEvent::ConnectionEstablished { peer_id, endpoint, .. } => {
                    let addr = endpoint.get_remote_address().to_string();
                    if let Err(e) = peers::record_seen(&peer_pool, &peer_id.to_string(), &addr).await {
                        tracing::warn!(%peer_id, "could not record peer: {e}");
                    }
                }
                SwarmEvent::Behaviour(IndexerBehaviourEvent::Gossipsub(gossipsub::Event::Message {
                    propagation_source,
                    message,
                    ..
                })) => {
                    if let Err(e) = index_listing(&catalog, &es_url, &message.data).await {
                        tracing::warn!(from = %propagation_source, "listing rejected: {e}");
                    }
                }
                _ => {}
            },
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    Ok(())
}

async fn index_listing(catalog: &deadpool_postgres::Pool, es_url: &str, data: &[u8]) -> anyhow::Result<()> {
    let listing: Listing = serde_json::from_slice(data)?;
    catalog::upsert_listing(catalog, &listing).await?;

    let search = Elasticsearch::new(Transport::single_node(es_url)?);
    search
        .index(IndexParts::IndexId("listings", &listing.sku))
        .body(&listing)
        .send()
        .await?
        .error_for_status_code()?;
    Ok(())
}
