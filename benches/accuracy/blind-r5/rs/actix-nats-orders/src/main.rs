mod actor;

use std::time::Duration;

use actix::prelude::*;
use futures::StreamExt;
use sqlx::postgres::{PgPool, PgPoolOptions};

use actor::{DbExecutor, NewOrder, PendingCount, SaveOrder};

const MAX_ATTEMPTS: u32 = 10;

#[actix::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let database_url = std::env::var("DATABASE_URL")?;

    // Postgres may still be starting when the container comes up: retry with
    // backoff, then keep the pool for the lifetime of the process.
    let mut attempt = 0;
    let pool: PgPool = loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&database_url)
            .await
        {
            Ok(pool) => break pool,
            Err(err) if attempt < MAX_ATTEMPTS => {
                log::warn!("postgres not ready (attempt {attempt}): {err}");
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(5)))).await;
            }
            Err(err) => return Err(err.into()),
        }
    };

    let db = DbExecutor::new(pool).start();

    let nats_url = std::env::var("NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".into());
    let nats = async_nats::connect(nats_url.as_str()).await?;
    let mut orders = nats.subscribe("orders.created").await?;
    log::info!("listening on orders.created");

    while let Some(msg) = orders.next().await {
        let order: NewOrder = match serde_json::from_slice(&msg.payload) {
            Ok(order) => order,
            Err(err) => {
                log::warn!("bad order payload: {err}");
                continue;
            }
        };

        let reply_body = match db.send(SaveOrder(order)).await {
            Ok(Ok(id)) => {
                let pending = db.send(PendingCount).await.ok().and_then(Result::ok).unwrap_or(-1);
                log::info!("saved order {id}, {pending} pending");
                format!(r#"{{"order_id":{id}}}"#)
            }
            Ok(Err(err)) => {
                log::error!("failed to save order: {err}");
                r#"{"error":"db"}"#.to_string()
            }
            Err(err) => {
                log::error!("db actor unavailable: {err}");
                r#"{"error":"mailbox"}"#.to_string()
            }
        };

        if let Some(reply) = msg.reply {
            nats.publish(reply, reply_body.into()).await?;
        }
    }

    Ok(())
}
