mod search;
mod store;

use std::env;

use kafka::consumer::{Consumer, FetchOffset, GroupOffsetStorage};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct MatchResult {
    pub match_id: String,
    pub player_id: String,
    pub season: String,
    pub won: bool,
    pub rating_delta: i32,
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let brokers: Vec<String> = env::var("KAFKA_BROKERS")
        .unwrap_or_else(|_| "localhost:9092".to_owned())
        .split(',')
        .map(str::to_owned)
        .collect();

    let mut consumer = Consumer::from_hosts(brokers)
        .with_topic("match-results".to_owned())
        .with_group("leaderboard".to_owned())
        .with_fallback_offset(FetchOffset::Earliest)
        .with_offset_storage(Some(GroupOffsetStorage::Kafka))
        .create()?;

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;

    loop {
        let sets = consumer.poll()?;
        if sets.is_empty() {
            continue;
        }
        for set in sets.iter() {
            for m in set.messages() {
                let result: MatchResult = match serde_json::from_slice(m.value) {
                    Ok(r) => r,
                    Err(err) => {
                        log::warn!("skipping offset {}: {err}", m.offset);
                        continue;
                    }
                };
                if let Err(err) = rt.block_on(handle(&result)) {
                    log::error!("match {} failed: {err:#}", result.match_id);
                }
            }
            consumer.consume_messageset(set)?;
        }
        consumer.commit_consumed()?;
    }
}

async fn handle(result: &MatchResult) -> anyhow::Result<()> {
    let session = store::connect().await?;
    store::record_result(&session, result).await?;
    search::index_match(result).await?;
    Ok(())
}
