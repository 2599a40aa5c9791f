use hyperlane::*;
use redis::AsyncCommands;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::db;

#[derive(Serialize, sqlx::FromRow)]
struct Product {
    sku: String,
    name: String,
    list_price: Decimal,
}

#[derive(Deserialize)]
struct QuoteRequest {
    customer_id: i64,
    sku: String,
    quantity: i32,
}

#[derive(Serialize)]
struct Quote {
    quote_id: i64,
    unit_price: Decimal,
    total: Decimal,
}

async fn reply_json<T: Serialize>(ctx: &Context, status: usize, body: &T) {
    ctx.set_response_header("Content-Type", "application/json").await;
    ctx.set_response_status_code(status).await;
    ctx.set_response_body(serde_json::to_vec(body).unwrap_or_default()).await;
}

pub async fn list_products(ctx: Context) {
    let rows: Result<Vec<Product>, _> =
        sqlx::query_as("SELECT sku, name, list_price FROM products WHERE active ORDER BY sku")
            .fetch_all(db::pool())
            .await;
    match rows {
        Ok(products) => reply_json(&ctx, 200, &products).await,
        Err(e) => reply_json(&ctx, 500, &serde_json::json!({ "error": e.to_string() })).await,
    }
}

pub async fn create_quote(ctx: Context) {
    let body = ctx.get_request_body().await;
    let req: QuoteRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return reply_json(&ctx, 400, &serde_json::json!({ "error": e.to_string() })).await,
    };

    let pool = match db::connect().await {
        Ok(p) => p,
        Err(e) => return reply_json(&ctx, 503, &serde_json::json!({ "error": e.to_string() })).await,
    };
    let result: Result<(i64, Decimal, Decimal), sqlx::Error> = sqlx::query_as(
        "INSERT INTO quotes (customer_id, sku, quantity, unit_price) \
         SELECT $1, p.sku, $3, p.list_price * (1 - COALESCE(c.discount, 0)) \
         FROM products p LEFT JOIN customer_discounts c ON c.customer_id = $1 \
         WHERE p.sku = $2 \
         RETURNING id, unit_price, unit_price * quantity",
    )
    .bind(req.customer_id)
    .bind(&req.sku)
    .bind(req.quantity)
    .fetch_one(&pool)
    .await;

    match result {
        Ok((quote_id, unit_price, total)) => {
            reply_json(&ctx, 201, &Quote { quote_id, unit_price, total }).await
        }
        Err(sqlx::Error::RowNotFound) => {
            reply_json(&ctx, 404, &serde_json::json!({ "error": "unknown sku" })).await
        }
        Err(e) => reply_json(&ctx, 500, &serde_json::json!({ "error": e.to_string() })).await,
    }
}

pub async fn stock_level(ctx: Context) {
    let sku = ctx.get_route_param("sku").await.unwrap_or_default();
    let client = match redis::Client::open(db::redis_url()) {
        Ok(c) => c,
        Err(e) => return reply_json(&ctx, 500, &serde_json::json!({ "error": e.to_string() })).await,
    };
    let level: Option<i64> = match client.get_multiplexed_async_connection().await {
        Ok(mut conn) => conn.get(format!("stock:{sku}")).await.unwrap_or(None),
        Err(_) => None,
    };
    reply_json(&ctx, 200, &serde_json::json!({ "sku": sku, "on_hand": level })).await
}
