mod ledger;
mod notify;
mod projections;

use anyhow::Result;
use clap::Parser;
use sea_streamer_redis::{AutoStreamReset, RedisConsumerOptions, RedisStreamer};
use sea_streamer_types::{
    Buffer, Consumer, ConsumerGroup, ConsumerMode, ConsumerOptions, Message, StreamUrl, Streamer,
};
use serde::Deserialize;

#[derive(Debug, Parser)]
struct Args {
    /// e.g. redis://localhost:6379/payments
    #[clap(long, env = "STREAM_URL")]
    stream: StreamUrl,
    #[clap(long, env = "DATABASE_URL")]
    database_url: String,
}

#[derive(Debug, Deserialize)]
pub struct PaymentEvent {
    pub payment_id: String,
    pub account_id: i64,
    pub amount_cents: i64,
    pub kind: String,
    pub webhook_url: Option<String>,
}

#[tokio::main]
async fn main() -> Result<()> {
    env_logger::init();
    let args = Args::parse();

    let ledger = ledger::Ledger::connect(&args.database_url).await?;
    let projector = projections::Projector::connect(&args.database_url).await?;

    let streamer = RedisStreamer::connect(args.stream.streamer(), Default::default()).await?;
    let mut options = RedisConsumerOptions::new(ConsumerMode::LoadBalanced);
    options.set_consumer_group(ConsumerGroup::new("ledger-writers"))?;
    options.set_auto_stream_reset(AutoStreamReset::Earliest);
    let consumer = streamer
        .create_consumer(args.stream.stream_keys(), options)
        .await?;

    loop {
        let mess = consumer.next().await?;
        let event: PaymentEvent = match serde_json::from_str(mess.message().as_str()?) {
            Ok(ev) => ev,
            Err(e) => {
                log::warn!("skipping malformed payment event {}: {e}", mess.sequence());
                continue;
            }
        };

        ledger.post(&event).await?;
        projector.apply(&event).await?;

        if let Some(url) = &event.webhook_url {
            if let Err(e) = notify::deliver(url, &event).await {
                log::warn!("webhook for {} failed: {e}", event.payment_id);
            }
        }
    }
}
