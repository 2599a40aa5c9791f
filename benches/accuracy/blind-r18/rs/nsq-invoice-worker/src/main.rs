mod clients;
mod handler;

use std::collections::HashSet;

use anyhow::{Context, Result};
use tokio_nsq::{
    NSQChannel, NSQConsumerConfig, NSQConsumerConfigSources, NSQConsumerLookupConfig, NSQTopic,
};

#[tokio::main]
async fn main() -> Result<()> {
    let lookupd = std::env::var("NSQLOOKUPD_HTTP").unwrap_or_else(|_| "http://127.0.0.1:4161".into());

    // Everything long-lived is built here, once, before the consume loop.
    let pool = clients::pg_pool().await?;
    let accounting = clients::accounting_api()?;
    let handler = handler::InvoiceHandler::new(pool, accounting);

    let topic = NSQTopic::new("order.completed").context("bad topic name")?;
    let channel = NSQChannel::new("invoicing").context("bad channel name")?;
    let mut addresses = HashSet::new();
    addresses.insert(lookupd);

    let mut consumer = NSQConsumerConfig::new(topic, channel)
        .set_max_in_flight(16)
        .set_sources(NSQConsumerConfigSources::Lookup(
            NSQConsumerLookupConfig::new().set_addresses(addresses),
        ))
        .build();

    while let Some(message) = consumer.consume_filtered().await {
        match handler.handle(&message.body).await {
            Ok(()) => message.finish().await,
            // dropping an unfinished message makes tokio-nsq requeue it
            Err(e) => eprintln!("invoice failed, will be requeued: {e:#}"),
        }
    }
    Ok(())
}
