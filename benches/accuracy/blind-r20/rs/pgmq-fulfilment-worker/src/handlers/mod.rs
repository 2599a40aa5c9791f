use serde::Deserialize;
use sqlx::PgPool;

mod loyalty;
mod shipping;

#[derive(Clone)]
pub struct WorkerState {
    pub pool: PgPool,
    pub carrier_base: String,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FulfilmentEvent {
    OrderPacked { order_id: i64, parcels: u32, weight_grams: u32 },
    OrderDelivered { order_id: i64, customer_id: i64, total_cents: i64 },
    OrderCancelled { order_id: i64 },
}

/// Called once for every message read from the pgmq queue.
pub async fn dispatch(state: &WorkerState, event: FulfilmentEvent) -> anyhow::Result<()> {
    match event {
        FulfilmentEvent::OrderPacked { order_id, parcels, weight_grams } => {
            let label = shipping::create_label(state, order_id, parcels, weight_grams).await?;
            sqlx::query("UPDATE orders SET tracking_no = $2, status = 'packed' WHERE id = $1")
                .bind(order_id)
                .bind(&label.tracking_no)
                .execute(&state.pool)
                .await?;
        }
        FulfilmentEvent::OrderDelivered { order_id, customer_id, total_cents } => {
            let mut tx = state.pool.begin().await?;
            sqlx::query("UPDATE orders SET status = 'delivered', delivered_at = now() WHERE id = $1")
                .bind(order_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            loyalty::award_points(customer_id, order_id, total_cents).await?;
        }
        FulfilmentEvent::OrderCancelled { order_id } => {
            shipping::void_label(state, order_id).await?;
        }
    }
    Ok(())
}
