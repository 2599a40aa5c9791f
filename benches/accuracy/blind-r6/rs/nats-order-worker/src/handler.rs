use std::time::Duration;

use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPoolOptions;
use uuid::Uuid;

use crate::Settings;

#[derive(Debug, Deserialize)]
pub struct OrderCreated {
    pub order_id: Uuid,
    pub customer_id: Uuid,
    pub amount_cents: i64,
    pub currency: String,
}

#[derive(Debug, Serialize)]
struct ScoreRequest<'a> {
    customer_id: Uuid,
    amount_cents: i64,
    currency: &'a str,
}

#[derive(Debug, Deserialize)]
struct ScoreResponse {
    score: f32,
}

/// Called once for every message delivered on `orders.created`.
pub async fn handle_order(settings: &Settings, payload: &[u8]) -> anyhow::Result<String> {
    let order: OrderCreated = serde_json::from_slice(payload)?;

    let pool = PgPoolOptions::new()
        .max_connections(5)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&settings.database_url)
        .await?;

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()?;

    let score: ScoreResponse = http
        .post(format!("{}/v1/score", settings.fraud_api))
        .json(&ScoreRequest {
            customer_id: order.customer_id,
            amount_cents: order.amount_cents,
            currency: &order.currency,
        })
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    let status = if score.score > 0.8 { "held" } else { "accepted" };

    sqlx::query(
        "INSERT INTO order_reviews (order_id, customer_id, score, status) VALUES ($1, $2, $3, $4)
         ON CONFLICT (order_id) DO UPDATE SET score = EXCLUDED.score, status = EXCLUDED.status",
    )
    .bind(order.order_id)
    .bind(order.customer_id)
    .bind(score.score)
    .bind(status)
    .execute(&pool)
    .await?;

    Ok(status.to_string())
}
