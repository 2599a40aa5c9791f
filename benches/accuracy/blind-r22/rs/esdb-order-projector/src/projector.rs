use chrono::{DateTime, Utc};
use eventstore::ResolvedEvent;
use serde::Deserialize;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

const NAME: &str = "orders_read_model";

#[derive(Debug, Deserialize)]
pub struct OrderPlaced {
    pub order_id: Uuid,
    pub customer_id: Uuid,
    pub total_cents: i64,
    pub placed_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
pub struct OrderPaid {
    pub order_id: Uuid,
    pub payment_ref: String,
}

#[derive(Debug, Deserialize)]
pub struct OrderCancelled {
    pub order_id: Uuid,
    pub reason: String,
}

/// Keeps the `order_summaries` read model in step with the order streams.
/// Built once in main; every event borrows the shared pool and HTTP client.
pub struct Projector {
    pool: PgPool,
    http: reqwest::Client,
    fulfilment_url: String,
}

impl Projector {
    pub fn new(pool: PgPool, http: reqwest::Client, fulfilment_url: String) -> Self {
        Self { pool, http, fulfilment_url }
    }

    pub async fn checkpoint(&self) -> Result<Option<(u64, u64)>, sqlx::Error> {
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT commit_position, prepare_position FROM projector_checkpoints WHERE name = $1",
        )
        .bind(NAME)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(c, p)| (c as u64, p as u64)))
    }

    pub async fn apply(&self, event: &ResolvedEvent) -> anyhow::Result<()> {
        let recorded = event.get_original_event();
        let mut notify_paid = None;

        let mut tx = self.pool.begin().await?;
        match recorded.event_type.as_str() {
            "OrderPlaced" => {
                let e: OrderPlaced = recorded.as_json()?;
                sqlx::query(
                    "INSERT INTO order_summaries (order_id, customer_id, total_cents, status, placed_at) \
                     VALUES ($1, $2, $3, 'placed', $4) ON CONFLICT (order_id) DO NOTHING",
                )
                .bind(e.order_id)
                .bind(e.customer_id)
                .bind(e.total_cents)
                .bind(e.placed_at)
                .execute(&mut *tx)
                .await?;
            }
            "OrderPaid" => {
                let e: OrderPaid = recorded.as_json()?;
                sqlx::query("UPDATE order_summaries SET status = 'paid', payment_ref = $2 WHERE order_id = $1")
                    .bind(e.order_id)
                    .bind(&e.payment_ref)
                    .execute(&mut *tx)
                    .await?;
                notify_paid = Some(e.order_id);
            }
            "OrderCancelled" => {
                let e: OrderCancelled = recorded.as_json()?;
                sqlx::query(
                    "UPDATE order_summaries SET status = 'cancelled', cancel_reason = $2 WHERE order_id = $1",
                )
                .bind(e.order_id)
                .bind(&e.reason)
                .execute(&mut *tx)
                .await?;
            }
            other => tracing::trace!("ignoring {other}"),
        }

        sqlx::query(
            "INSERT INTO projector_checkpoints (name, commit_position, prepare_position) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET commit_position = $2, prepare_position = $3",
        )
        .bind(NAME)
        .bind(recorded.position.commit as i64)
        .bind(recorded.position.prepare as i64)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;

        if let Some(order_id) = notify_paid {
            self.http
                .post(format!("{}/v1/shipments", self.fulfilment_url))
                .json(&json!({ "order_id": order_id }))
                .send()
                .await?
                .error_for_status()?;
        }
        Ok(())
    }
}
