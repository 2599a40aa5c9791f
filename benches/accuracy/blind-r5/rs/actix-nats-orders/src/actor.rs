//! Database actor: owns the pool handed over by main and serialises nothing
//! except the mailbox; every message borrows a connection from the pool.

use actix::prelude::*;
use serde::Deserialize;
use sqlx::PgPool;

pub struct DbExecutor {
    pool: PgPool,
}

impl DbExecutor {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

impl Actor for DbExecutor {
    type Context = Context<Self>;
}

#[derive(Debug, Deserialize)]
pub struct NewOrder {
    pub customer_id: i64,
    pub sku: String,
    pub quantity: i32,
}

#[derive(Message)]
#[rtype(result = "Result<i64, sqlx::Error>")]
pub struct SaveOrder(pub NewOrder);

#[derive(Message)]
#[rtype(result = "Result<i64, sqlx::Error>")]
pub struct PendingCount;

impl Handler<SaveOrder> for DbExecutor {
    type Result = ResponseFuture<Result<i64, sqlx::Error>>;

    fn handle(&mut self, msg: SaveOrder, _ctx: &mut Self::Context) -> Self::Result {
        let pool = self.pool.clone();
        Box::pin(async move {
            let order = msg.0;
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO orders (customer_id, sku, quantity, status) \
                 VALUES ($1, $2, $3, 'pending') RETURNING id",
            )
            .bind(order.customer_id)
            .bind(&order.sku)
            .bind(order.quantity)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE stock SET reserved = reserved + $1 WHERE sku = $2")
                .bind(order.quantity)
                .bind(&order.sku)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(id)
        })
    }
}

impl Handler<PendingCount> for DbExecutor {
    type Result = ResponseFuture<Result<i64, sqlx::Error>>;

    fn handle(&mut self, _msg: PendingCount, _ctx: &mut Self::Context) -> Self::Result {
        let pool = self.pool.clone();
        Box::pin(async move {
            sqlx::query_scalar("SELECT count(*) FROM orders WHERE status = 'pending'")
                .fetch_one(&pool)
                .await
        })
    }
}
