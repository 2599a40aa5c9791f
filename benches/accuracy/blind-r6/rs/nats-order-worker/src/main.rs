mod handler;

use futures::StreamExt;
use tracing::{error, info};

#[derive(Clone)]
pub struct Settings {
    pub database_url: String,
    pub fraud_api: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let settings = Settings {
        database_url: std::env::var("DATABASE_URL")?,
        fraud_api: std::env::var("FRAUD_API_URL")
            .unwrap_or_else(|_| "http://fraud-scorer.internal:8080".into()),
    };

    let nats_url = std::env::var("NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".into());
    let client = async_nats::connect(&nats_url).await?;
    info!(%nats_url, "connected to nats");

    // queue group so several replicas share the stream of orders
    let mut orders = client
        .queue_subscribe("orders.created", "order-workers".to_string())
        .await?;

    while let Some(msg) = orders.next().await {
        let reply = msg.reply.clone();
        match handler::handle_order(&settings, &msg.payload).await {
            Ok(status) => {
                if let Some(reply) = reply {
                    let _ = client.publish(reply, status.into()).await;
                }
            }
            Err(err) => error!(error = %err, "order processing failed"),
        }
    }

    Ok(())
}
