mod carrier;
mod store;

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use tiny_tokio_actor::*;

use crate::carrier::{CarrierActor, Poll, TrackerEvent};

const CARRIERS: &[(&str, &str)] = &[
    ("dhl", "https://api.dhl.example/track/v2/events"),
    ("gls", "https://api.gls.example/tracking/events"),
    ("ups", "https://api.ups.example/track/v1/events"),
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let database_url = std::env::var("DATABASE_URL")?;

    // Wait for the database at start-up; give up after a few minutes.
    let mut attempt = 0;
    let pool = loop {
        match PgPoolOptions::new().max_connections(6).connect(&database_url).await {
            Ok(pool) => break pool,
            Err(e) if attempt < 20 => {
                attempt += 1;
                tracing::warn!(attempt, error = %e, "database unavailable, retrying in 5s");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Err(e) => return Err(e.into()),
        }
    };
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()?;

    let system = ActorSystem::new("tracker", EventBus::<TrackerEvent>::new(256));
    let mut carriers = Vec::new();
    for (name, endpoint) in CARRIERS {
        let key = std::env::var(format!("{}_API_KEY", name.to_uppercase())).unwrap_or_default();
        let actor = CarrierActor::new(name, endpoint.to_string(), key, pool.clone(), http.clone());
        carriers.push(system.create_actor(name, actor).await?);
    }

    let mut events = system.events();
    tokio::spawn(async move {
        while let Ok(ev) = events.recv().await {
            tracing::info!(event = ?ev, "tracker event");
        }
    });

    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                for actor in &carriers {
                    if let Err(e) = actor.tell(Poll) {
                        tracing::error!(error = ?e, "carrier actor mailbox closed");
                    }
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    pool.close().await;
    Ok(())
}
