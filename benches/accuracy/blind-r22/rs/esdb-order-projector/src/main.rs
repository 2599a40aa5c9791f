mod projector;

use std::time::Duration;

use anyhow::Context;
use eventstore::{Client, ClientSettings, Position, StreamPosition, SubscribeToAllOptions, SubscriptionFilter};
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::projector::Projector;

async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => break Ok(pool),
            Err(e) if attempt < 10 => {
                tracing::warn!(attempt, "postgres not ready: {e}");
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(5)))).await;
            }
            Err(e) => break Err(e).context("postgres unreachable after 10 attempts"),
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let esdb: ClientSettings = std::env::var("ESDB_URL")
        .unwrap_or_else(|_| "esdb://localhost:2113?tls=false".into())
        .parse()?;
    let database_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let fulfilment_url = std::env::var("FULFILMENT_URL").context("FULFILMENT_URL")?;

    let pool = connect_with_retry(&database_url).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .pool_max_idle_per_host(4)
        .build()?;
    let store = Client::new(esdb)?;

    let projector = Projector::new(pool.clone(), http, fulfilment_url);
    let start = match projector.checkpoint().await? {
        Some((commit, prepare)) => StreamPosition::Position(Position { commit, prepare }),
        None => StreamPosition::Start,
    };

    let options = SubscribeToAllOptions::default()
        .position(start)
        .filter(SubscriptionFilter::on_stream_name().add_prefix("order-"));
    let mut subscription = store.subscribe_to_all(&options).await;
    tracing::info!("projecting order-* streams");

    loop {
        tokio::select! {
            event = subscription.next() => {
                let event = event.context("subscription dropped")?;
                projector.apply(&event).await?;
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    pool.close().await;
    Ok(())
}
