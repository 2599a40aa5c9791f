use std::time::Duration;

use anyhow::Context;
use pgmq::PGMQueue;
use sqlx::postgres::PgPoolOptions;
use tracing::{error, info, warn};

mod handlers;

use handlers::{FulfilmentEvent, WorkerState};

const QUEUE: &str = "fulfilment_events";
const VISIBILITY_TIMEOUT_SECS: i32 = 45;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter("info").init();

    let database_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url)
        .await?;

    // pgmq runs on top of the same pool: no extra connections.
    let queue = PGMQueue::new_with_pool(pool.clone()).await;
    queue.create(QUEUE).await?;

    let state = WorkerState {
        pool,
        carrier_base: std::env::var("CARRIER_API").unwrap_or_else(|_| "https://api.shipfast.example".into()),
    };

    info!(queue = QUEUE, "fulfilment worker started");
    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            read = queue.read::<FulfilmentEvent>(QUEUE, Some(VISIBILITY_TIMEOUT_SECS)) => {
                match read {
                    Ok(Some(msg)) => {
                        let id = msg.msg_id;
                        match handlers::dispatch(&state, msg.message).await {
                            Ok(()) => { queue.archive(QUEUE, id).await?; }
                            Err(e) if msg.read_ct >= 5 => {
                                error!(msg_id = id, error = %e, "giving up, archiving");
                                queue.archive(QUEUE, id).await?;
                            }
                            Err(e) => warn!(msg_id = id, error = %e, "will be retried after vt"),
                        }
                    }
                    Ok(None) => tokio::time::sleep(Duration::from_millis(500)).await,
                    Err(e) => {
                        error!(error = %e, "pgmq read failed");
                        tokio::time::sleep(Duration::from_secs(2)).await;
                    }
                }
            }
        }
    }
    state.pool.close().await;
    Ok(())
}
