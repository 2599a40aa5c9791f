//! Event store wiring: the esrs PgStore and the handlers it dispatches to.

use std::time::Duration;

use esrs::manager::AggregateManager;
use esrs::store::postgres::{PgStore, PgStoreBuilder};
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::aggregate::Payment;
use crate::handlers::PayeeNotifier;
use crate::projections::BalanceProjection;

pub type Ledger = AggregateManager<PgStore<Payment>>;

/// Pool used by the esrs event store (payment_events table, optimistic locking).
pub async fn connect_event_store(database_url: &str) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect(database_url)
        .await?;
    Ok(pool)
}

/// Builds the store once; esrs runs the migrations for the events table in try_build.
pub async fn build_ledger(
    pool: PgPool,
    projection: BalanceProjection,
    notifier: PayeeNotifier,
) -> anyhow::Result<Ledger> {
    let store: PgStore<Payment> = PgStoreBuilder::new(pool)
        .add_event_handler(projection)
        .add_event_handler(notifier)
        .try_build()
        .await?;
    Ok(AggregateManager::new(store))
}
