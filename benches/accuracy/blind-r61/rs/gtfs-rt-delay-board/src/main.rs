use std::time::Duration;

use serde::Deserialize;

mod feeds;
mod store;

#[derive(Debug, Deserialize)]
pub struct Agency {
    pub id: String,
    pub trip_updates_url: String,
    pub api_key_env: Option<String>,
    pub api_key_header: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Config {
    poll_seconds: u64,
    agencies: Vec<Agency>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let cfg: Config = toml::from_str(&std::fs::read_to_string("agencies.toml")?)?;

    let pool = store::connect().await?;
    let feeds = feeds::FeedClients::from_agencies(&cfg.agencies)?;

    let mut tick = tokio::time::interval(Duration::from_secs(cfg.poll_seconds));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tick.tick().await;
        for agency in &cfg.agencies {
            let feed = match feeds.fetch(&agency.id).await {
                Ok(feed) => feed,
                Err(e) => {
                    tracing::warn!(agency = %agency.id, "fetch failed: {e:#}");
                    continue;
                }
            };
            match store::apply_trip_updates(&pool, &agency.id, &feed).await {
                Ok(n) => tracing::debug!(agency = %agency.id, rows = n, "delays updated"),
                Err(e) => tracing::warn!(agency = %agency.id, "store failed: {e}"),
            }
        }
    }
}
