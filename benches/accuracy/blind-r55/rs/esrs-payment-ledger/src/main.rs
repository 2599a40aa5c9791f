mod aggregate;
mod handlers;
mod projections;
mod store;

use esrs::AggregateState;
use serde::Deserialize;
use tokio::io::{AsyncBufReadExt, BufReader};
use uuid::Uuid;

use crate::aggregate::PaymentCommand;
use crate::handlers::PayeeNotifier;
use crate::projections::BalanceProjection;

#[derive(Deserialize)]
struct Envelope {
    payment_id: Uuid,
    command: PaymentCommand,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let database_url = std::env::var("DATABASE_URL")?;

    let events_pool = store::connect_event_store(&database_url).await?;
    let read_pool = projections::connect_read_models(&database_url).await?;

    let ledger = store::build_ledger(
        events_pool,
        BalanceProjection { pool: read_pool },
        PayeeNotifier {
            webhook_base: std::env::var("PAYEE_WEBHOOK_BASE")?,
            signing_key: std::env::var("LEDGER_SIGNING_KEY")?,
        },
    )
    .await?;

    // The gateway writes one command per line to our stdin and keeps the pipe open.
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        let env: Envelope = match serde_json::from_str(&line) {
            Ok(e) => e,
            Err(e) => {
                tracing::warn!(error = %e, "skipping malformed command");
                continue;
            }
        };
        let state = ledger
            .load(env.payment_id)
            .await?
            .unwrap_or_else(|| AggregateState::with_id(env.payment_id));
        match ledger.handle_command(state, env.command).await? {
            Ok(()) => tracing::info!(payment = %env.payment_id, "command applied"),
            Err(e) => tracing::warn!(payment = %env.payment_id, error = %e, "command rejected"),
        }
    }
    Ok(())
}
