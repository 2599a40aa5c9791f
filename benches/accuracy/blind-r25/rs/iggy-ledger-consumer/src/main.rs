use std::str::FromStr;

use futures_util::StreamExt;
use iggy::client::Client;
use iggy::clients::client::IggyClient;
use iggy::clients::consumer::{AutoCommit, AutoCommitWhen};
use iggy::messages::poll_messages::PollingStrategy;
use iggy::utils::duration::IggyDuration;
use tracing::{error, info, warn};

mod db;
mod handler;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::ledger_pool().await?;

    let iggy_url = std::env::var("IGGY_CONNECTION_STRING")
        .unwrap_or_else(|_| "iggy://ledger:ledger@iggy.internal:8090".to_string());
    let client = IggyClient::from_connection_string(&iggy_url)?;
    client.connect().await?;

    let mut consumer = client
        .consumer_group("ledger-writers", "payments", "settlements")?
        .auto_commit(AutoCommit::IntervalOrWhen(
            IggyDuration::from_str("1s")?,
            AutoCommitWhen::ConsumingAllMessages,
        ))
        .create_consumer_group_if_not_exists()
        .auto_join_consumer_group()
        .polling_strategy(PollingStrategy::next())
        .poll_interval(IggyDuration::from_str("5ms")?)
        .batch_size(200)
        .build();
    consumer.init().await?;
    info!("consuming payments/settlements");

    while let Some(received) = consumer.next().await {
        let received = match received {
            Ok(m) => m,
            Err(e) => {
                error!(error = %e, "poll failed");
                continue;
            }
        };
        let offset = received.message.offset;
        match handler::handle(&pool, &received.message.payload).await {
            Ok(handler::Outcome::Booked) => info!(offset, "booked"),
            Ok(handler::Outcome::Duplicate) => info!(offset, "duplicate skipped"),
            Err(e) => warn!(offset, error = %e, "settlement rejected"),
        }
    }

    Ok(())
}
