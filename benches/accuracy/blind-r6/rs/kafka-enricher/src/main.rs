mod audit;
mod db;

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::Message;
use redis::AsyncCommands;
use serde::Deserialize;

#[derive(Deserialize)]
struct Click {
    user_id: i64,
    url: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let brokers = std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "localhost:9092".into());
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    let pool = db::connect().await?;

    let consumer: StreamConsumer = ClientConfig::new()
        .set("group.id", "click-enricher")
        .set("bootstrap.servers", &brokers)
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest")
        .create()?;
    consumer.subscribe(&["clicks.raw"])?;

    loop {
        let msg = match consumer.recv().await {
            Ok(m) => m,
            Err(e) => {
                log::error!("kafka error: {e}");
                continue;
            }
        };

        let Some(Ok(payload)) = msg.payload_view::<str>() else {
            audit::record_failure(msg.topic(), msg.offset(), "empty or non-utf8 payload").await;
            consumer.commit_message(&msg, CommitMode::Async)?;
            continue;
        };

        let click: Click = match serde_json::from_str(payload) {
            Ok(c) => c,
            Err(e) => {
                audit::record_failure(msg.topic(), msg.offset(), &e.to_string()).await;
                consumer.commit_message(&msg, CommitMode::Async)?;
                continue;
            }
        };

        // geo lookup cached by the ingestion edge in redis
        let geo = redis::Client::open(redis_url.as_str())?;
        let mut con = geo.get_multiplexed_async_connection().await?;
        let country: Option<String> = con.hget(format!("user:{}", click.user_id), "country").await?;

        db::upsert_click(&pool, click.user_id, &click.url, country.as_deref()).await?;
        consumer.commit_message(&msg, CommitMode::Async)?;
    }
}
