mod enrich;

use std::time::Duration;

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::message::Message;
use rdkafka::producer::{FutureProducer, FutureRecord};

fn consumer(brokers: &str, group: &str) -> anyhow::Result<StreamConsumer> {
    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest")
        .create()?;
    consumer.subscribe(&["clickstream.raw"])?;
    Ok(consumer)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let brokers = std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "localhost:9092".into());
    let consumer = consumer(&brokers, "clickstream-enricher")?;
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .set("message.timeout.ms", "5000")
        .create()?;

    log::info!("enricher started");

    loop {
        let msg = match consumer.recv().await {
            Ok(msg) => msg,
            Err(err) => {
                log::warn!("kafka error: {err}");
                continue;
            }
        };

        let Some(Ok(payload)) = msg.payload_view::<str>() else {
            consumer.commit_message(&msg, CommitMode::Async)?;
            continue;
        };

        match enrich::handle(payload).await {
            Ok(enriched) => {
                let body = serde_json::to_string(&enriched)?;
                let record = FutureRecord::to("clickstream.enriched")
                    .key(&enriched.session_id)
                    .payload(&body);
                if let Err((err, _)) = producer.send(record, Duration::from_secs(5)).await {
                    log::error!("produce failed: {err}");
                }
            }
            Err(err) => log::error!("enrich failed: {err:#}"),
        }

        consumer.commit_message(&msg, CommitMode::Async)?;
    }
}
