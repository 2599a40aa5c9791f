use std::time::Duration;

use restate_sdk::prelude::*;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use crate::holds::StockHoldClient;

#[derive(Serialize, Deserialize, Clone)]
pub struct PlaceOrder {
    pub order_id: String,
    pub customer_id: String,
    pub sku: String,
    pub quantity: i32,
    pub amount_cents: i64,
}

#[derive(Serialize, Deserialize)]
pub struct OrderResult {
    pub order_id: String,
    pub status: String,
}

#[derive(Deserialize)]
struct FraudVerdict {
    score: f64,
}

#[restate_sdk::service]
pub trait Orders {
    async fn place(order: Json<PlaceOrder>) -> HandlerResult<Json<OrderResult>>;
}

pub struct OrdersImpl {
    pool: PgPool,
}

impl OrdersImpl {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

impl Orders for OrdersImpl {
    async fn place(&self, ctx: Context<'_>, Json(order): Json<PlaceOrder>) -> HandlerResult<Json<OrderResult>> {
        let held = ctx
            .object_client::<StockHoldClient>(order.sku.clone())
            .acquire(order.order_id.clone())
            .call()
            .await?;
        if !held {
            return Err(TerminalError::new("sku is being fulfilled by another order").into());
        }

        let fraud_url = std::env::var("FRAUD_API_URL").unwrap_or_else(|_| "http://fraud:8080".into());
        let payload = order.clone();
        let score = ctx
            .run(|| async move {
                let http = reqwest::Client::builder().timeout(Duration::from_secs(3)).build()?;
                let verdict: FraudVerdict = http
                    .post(format!("{fraud_url}/v1/score"))
                    .json(&payload)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(Json(verdict.score))
            })
            .await?
            .into_inner();

        if score > 0.8 {
            return Err(TerminalError::new("order rejected by fraud check").into());
        }

        let pool = self.pool.clone();
        let o = order.clone();
        ctx.run(|| async move {
            let mut tx = pool.begin().await?;
            sqlx::query("INSERT INTO orders (id, customer_id, sku, quantity, amount_cents, status) VALUES ($1, $2, $3, $4, $5, 'placed') ON CONFLICT (id) DO NOTHING")
                .bind(&o.order_id)
                .bind(&o.customer_id)
                .bind(&o.sku)
                .bind(o.quantity)
                .bind(o.amount_cents)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE stock SET on_hand = on_hand - $1 WHERE sku = $2")
                .bind(o.quantity)
                .bind(&o.sku)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
        .await?;

        ctx.object_client::<StockHoldClient>(order.sku.clone())
            .release(order.order_id.clone())
            .send();

        let topic = std::env::var("ORDER_EVENTS_TOPIC_ARN").unwrap_or_default();
        let msg = serde_json::json!({ "order_id": order.order_id, "status": "placed" }).to_string();
        ctx.run(|| async move {
            let sns = aws_sdk_sns::Client::new(&aws_config::load_from_env().await);
            sns.publish().topic_arn(topic).message(msg).send().await?;
            Ok(())
        })
        .await?;

        Ok(Json(OrderResult { order_id: order.order_id, status: "placed".into() }))
    }
}
