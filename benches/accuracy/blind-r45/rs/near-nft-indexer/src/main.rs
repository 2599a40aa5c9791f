//! Streams every NEAR block from the Lake S3 bucket, extracts the NFT events
//! emitted by our marketplace contract and writes them to the events database.
//! The indexer position is kept in a separate state database.

mod cursor;
mod sink;

use std::env;

use near_lake_framework::near_indexer_primitives::StreamerMessage;
use near_lake_framework::LakeConfigBuilder;
use sqlx::postgres::PgPoolOptions;

use crate::cursor::CursorStore;
use crate::sink::{EventSink, NftEvent};

pub struct Settings {
    pub state_db_url: String,
    pub events_db_url: String,
    pub contract: String,
    pub default_start: u64,
}

impl Settings {
    fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            state_db_url: env::var("STATE_DATABASE_URL")?,
            events_db_url: env::var("EVENTS_DATABASE_URL")?,
            contract: env::var("MARKET_CONTRACT").unwrap_or_else(|_| "market.example.near".into()),
            default_start: env::var("START_BLOCK").ok().and_then(|s| s.parse().ok()).unwrap_or(112_000_000),
        })
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let settings = Settings::from_env()?;

    let state_pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&settings.state_db_url)
        .await?;
    let mut cursor = CursorStore::open(&state_pool, "nft-indexer").await?;

    let start = match cursor.last_height().await? {
        Some(h) => h + 1,
        None => settings.default_start,
    };
    tracing::info!(start, "starting NEAR Lake stream");

    let config = LakeConfigBuilder::default()
        .mainnet()
        .start_block_height(start)
        .build()?;
    let (_streamer, mut stream) = near_lake_framework::streamer(config);

    while let Some(message) = stream.recv().await {
        let height = message.block.header.height;
        let events = extract_events(&message, &settings.contract);

        let sink = EventSink::connect(&settings).await?;
        if !events.is_empty() {
            sink.write(height, &events).await?;
            tracing::info!(height, count = events.len(), "indexed NFT events");
        }

        cursor.save(height).await?;
    }
    Ok(())
}

fn extract_events(message: &StreamerMessage, contract: &str) -> Vec<NftEvent> {
    let mut out = Vec::new();
    for shard in &message.shards {
        for outcome in &shard.receipt_execution_outcomes {
            if outcome.receipt.receiver_id.as_str() != contract {
                continue;
            }
            for log in &outcome.execution_outcome.outcome.logs {
                if let Some(json) = log.strip_prefix("EVENT_JSON:") {
                    if let Ok(ev) = serde_json::from_str::<NftEvent>(json) {
                        out.push(ev);
                    }
                }
            }
        }
    }
    out
}
