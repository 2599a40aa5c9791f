mod store;

use azeventhubs::consumer::{ConsumerClient, ConsumerClientOptions, EventPosition, ReadEventOptions};
use futures_util::StreamExt;
use serde::Deserialize;
use tracing::{info, warn};

#[derive(Deserialize)]
struct Reading {
    meter_id: String,
    ts: i64,
    kwh_import: f64,
    kwh_export: f64,
    voltage: Option<f64>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // meter-ingest-3 -> partition "3"
    let hostname = std::env::var("HOSTNAME").unwrap_or_else(|_| "meter-ingest-0".into());
    let partition = hostname.rsplit('-').next().unwrap_or("0").to_string();

    let store = store::Store::connect_with_retry(&std::env::var("MONGODB_URI")?).await?;
    let start = match store.checkpoint(&partition).await? {
        Some(seq) => EventPosition::from_sequence_number(seq, false),
        None => EventPosition::earliest(),
    };

    let mut consumer = ConsumerClient::new_from_connection_string(
        ConsumerClient::DEFAULT_CONSUMER_GROUP_NAME,
        std::env::var("EVENTHUB_CONNECTION_STRING")?,
        std::env::var("EVENTHUB_NAME")?,
        ConsumerClientOptions::default(),
    )
    .await?;
    let mut events = consumer
        .read_events_from_partition(&partition, start, ReadEventOptions::default())
        .await?;
    info!(%partition, "reading partition");

    let mut batch = Vec::with_capacity(500);
    let mut last_seq = None;
    while let Some(event) = events.next().await {
        let event = event?;
        match serde_json::from_slice::<Reading>(event.body()?) {
            Ok(r) => batch.push(store::doc(&r.meter_id, r.ts, r.kwh_import, r.kwh_export, r.voltage)),
            Err(e) => warn!(seq = event.sequence_number(), error = %e, "unparseable reading skipped"),
        }
        last_seq = Some(event.sequence_number());
        if batch.len() >= 500 {
            store.insert_batch(std::mem::take(&mut batch)).await?;
            store.save_checkpoint(&partition, last_seq.unwrap_or_default()).await?;
        }
    }

    if !batch.is_empty() {
        store.insert_batch(batch).await?;
    }
    if let Some(seq) = last_seq {
        store.save_checkpoint(&partition, seq).await?;
    }
    events.close().await?;
    consumer.close().await?;
    Ok(())
}
