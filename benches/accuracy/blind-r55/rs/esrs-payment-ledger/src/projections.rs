//! Read model: running balance per payee, queried by the back-office UI.

use std::time::Duration;

use async_trait::async_trait;
use esrs::handler::EventHandler;
use esrs::store::StoreEvent;
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::aggregate::{Payment, PaymentEvent};

/// Pool for the read-model tables.
pub async fn connect_read_models(database_url: &str) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(6)
        .idle_timeout(Duration::from_secs(120))
        .connect(database_url)
        .await?;
    Ok(pool)
}

#[derive(Clone)]
pub struct BalanceProjection {
    pub pool: PgPool,
}

#[async_trait]
impl EventHandler<Payment> for BalanceProjection {
    async fn handle(&self, event: &StoreEvent<PaymentEvent>) {
        let (payee, delta) = match &event.payload {
            PaymentEvent::Authorized { .. } => return,
            PaymentEvent::Settled { payee, amount_cents } => (payee, *amount_cents),
            PaymentEvent::Refunded { payee, amount_cents } => (payee, -*amount_cents),
        };
        let result = sqlx::query(
            "INSERT INTO payee_balances (payee, balance_cents, last_event_id) VALUES ($1, $2, $3) \
             ON CONFLICT (payee) DO UPDATE \
             SET balance_cents = payee_balances.balance_cents + EXCLUDED.balance_cents, \
                 last_event_id = EXCLUDED.last_event_id",
        )
        .bind(payee)
        .bind(delta)
        .bind(event.id)
        .execute(&self.pool)
        .await;
        if let Err(e) = result {
            tracing::error!(aggregate = %event.aggregate_id, error = %e, "balance projection failed");
        }
    }
}
