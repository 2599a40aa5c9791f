//! CDC consumers: one per stream, created by the factory below.

use async_trait::async_trait;
use scylla::frame::response::result::CqlValue;
use scylla_cdc::consumer::{CDCRow, Consumer, ConsumerFactory, OperationType};
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

use crate::search;

pub struct OrderConsumerFactory {
    pool: PgPool,
}

impl OrderConsumerFactory {
    pub fn new(pool: PgPool) -> Self {
        OrderConsumerFactory { pool }
    }
}

#[async_trait]
impl ConsumerFactory for OrderConsumerFactory {
    async fn new_consumer(&self) -> Box<dyn Consumer> {
        // Each stream consumer keeps its own connection so that its upserts
        // are applied in order.
        let conn = self.pool.acquire().await.expect("reporting database reachable");
        Box::new(OrderConsumer { conn, applied: 0 })
    }
}

pub struct OrderConsumer {
    conn: PoolConnection<Postgres>,
    applied: u64,
}

fn text(row: &CDCRow<'_>, col: &str) -> Option<String> {
    match row.get_value(col) {
        Some(CqlValue::Text(s)) | Some(CqlValue::Ascii(s)) => Some(s.clone()),
        _ => None,
    }
}

fn bigint(row: &CDCRow<'_>, col: &str) -> Option<i64> {
    match row.get_value(col) {
        Some(CqlValue::BigInt(v)) => Some(*v),
        Some(CqlValue::Int(v)) => Some(*v as i64),
        _ => None,
    }
}

#[async_trait]
impl Consumer for OrderConsumer {
    async fn consume_cdc(&mut self, data: CDCRow<'_>) -> anyhow::Result<()> {
        let Some(CqlValue::Uuid(order_id)) = data.get_value("order_id").clone() else {
            return Ok(());
        };

        match data.operation {
            OperationType::RowInsert | OperationType::RowUpdate => {
                let status = text(&data, "status");
                let total = bigint(&data, "total_cents");
                sqlx::query(
                    "INSERT INTO reporting.orders (order_id, status, total_cents, updated_at)
                     VALUES ($1, coalesce($2, 'new'), coalesce($3, 0), now())
                     ON CONFLICT (order_id) DO UPDATE
                        SET status = coalesce($2, reporting.orders.status),
                            total_cents = coalesce($3, reporting.orders.total_cents),
                            updated_at = now()",
                )
                .bind(order_id)
                .bind(status.as_deref())
                .bind(total)
                .execute(&mut *self.conn)
                .await?;
                search::notify(order_id, false).await?;
            }
            OperationType::RowDelete | OperationType::PartitionDelete => {
                sqlx::query("DELETE FROM reporting.orders WHERE order_id = $1")
                    .bind(order_id)
                    .execute(&mut *self.conn)
                    .await?;
                search::notify(order_id, true).await?;
            }
            _ => {}
        }

        self.applied += 1;
        if self.applied % 1000 == 0 {
            tracing::debug!(applied = self.applied, "stream consumer progress");
        }
        Ok(())
    }
}
