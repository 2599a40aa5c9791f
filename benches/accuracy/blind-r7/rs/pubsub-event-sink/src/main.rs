mod enrich;
mod store;

use google_cloud_pubsub::client::{Client, ClientConfig};
use google_cloud_pubsub::subscriber::ReceivedMessage;
use tokio_util::sync::CancellationToken;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let config = ClientConfig::default().with_auth().await?;
    let client = Client::new(config).await?;
    let subscription = client.subscription(
        &std::env::var("SUBSCRIPTION").unwrap_or_else(|_| "clickstream-sink".into()),
    );

    let cancel = CancellationToken::new();
    let shutdown = cancel.clone();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        shutdown.cancel();
    });

    tracing::info!("receiving clickstream events");
    subscription
        .receive(
            |message: ReceivedMessage, _cancel| async move {
                match handle(&message).await {
                    Ok(()) => {
                        let _ = message.ack().await;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "event rejected, will be redelivered");
                        let _ = message.nack().await;
                    }
                }
            },
            cancel,
            None,
        )
        .await?;
    Ok(())
}

/// Runs for every Pub/Sub message.
async fn handle(message: &ReceivedMessage) -> anyhow::Result<()> {
    let raw: store::RawEvent = serde_json::from_slice(&message.message.data)?;
    let country = enrich::country_for_ip(&raw.ip).await.unwrap_or_default();

    let mut insert = store::client().insert("clickstream")?;
    insert.write(&store::EventRow::from_raw(raw, country)).await?;
    insert.end().await?;
    Ok(())
}
