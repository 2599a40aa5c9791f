//! Tails the `orders` collection change stream and republishes every change
//! as an EventBridge event on the `commerce` bus.

mod clients;
mod relay;

use anyhow::Context;
use tracing::{error, info};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let uri = std::env::var("ORDERS_MONGO_URI").context("ORDERS_MONGO_URI")?;
    let bus = std::env::var("EVENT_BUS_NAME").unwrap_or_else(|_| "commerce".into());
    let token_file = std::env::var("RESUME_TOKEN_FILE").unwrap_or_else(|_| "/var/lib/order-relay/resume.json".into());

    let mongo = clients::mongo(&uri).await?;
    let events = clients::eventbridge().await;
    let relay = relay::Relay::new(mongo.clone(), events, bus, token_file.into());

    info!("order change relay started");
    tokio::select! {
        res = relay.run() => {
            if let Err(e) = res {
                error!("relay stopped: {e:#}");
            }
        }
        _ = tokio::signal::ctrl_c() => info!("shutting down"),
    }

    mongo.shutdown().await;
    Ok(())
}
