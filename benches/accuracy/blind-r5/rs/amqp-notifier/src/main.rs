mod digest;

use std::time::Duration;

use futures_lite::stream::StreamExt;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicNackOptions, QueueDeclareOptions};
use lapin::types::FieldTable;
use lapin::{Connection, ConnectionProperties};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
struct Notification {
    webhook_url: String,
    event: String,
    payload: serde_json::Value,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().init();

    let addr = std::env::var("AMQP_ADDR").unwrap_or_else(|_| "amqp://127.0.0.1:5672/%2f".into());
    let conn = Connection::connect(&addr, ConnectionProperties::default()).await?;
    let channel = conn.create_channel().await?;

    channel
        .queue_declare(
            "notifications",
            QueueDeclareOptions { durable: true, ..Default::default() },
            FieldTable::default(),
        )
        .await?;

    let mut consumer = channel
        .basic_consume(
            "notifications",
            "notifier",
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await?;

    let _sched = digest::start_scheduler().await?;
    tracing::info!("waiting for notifications");

    while let Some(delivery) = consumer.next().await {
        let delivery = delivery?;
        let note: Notification = match serde_json::from_slice(&delivery.data) {
            Ok(note) => note,
            Err(err) => {
                tracing::warn!("dropping malformed notification: {err}");
                delivery.ack(BasicAckOptions::default()).await?;
                continue;
            }
        };

        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        let result = http
            .post(&note.webhook_url)
            .header("X-Event", &note.event)
            .json(&note.payload)
            .send()
            .await
            .and_then(|r| r.error_for_status());

        match result {
            Ok(_) => delivery.ack(BasicAckOptions::default()).await?,
            Err(err) => {
                tracing::warn!("webhook {} failed: {err}", note.webhook_url);
                delivery
                    .nack(BasicNackOptions { requeue: true, ..Default::default() })
                    .await?
            }
        }
    }

    Ok(())
}
