//! Order placement with end-to-end verification: the API answer alone is not
//! trusted, we check the database row and the fulfilment queue as well.

use goose::prelude::*;
use redis::AsyncCommands;
use serde::Deserialize;
use serde_json::json;
use sqlx::postgres::PgPool;

#[derive(Deserialize)]
struct OrderCreated {
    id: i64,
    total_cents: i64,
}

const SKUS: &[&str] = &["TEE-BLK-M", "TEE-WHT-L", "MUG-ENAMEL", "CAP-NAVY", "SOCK-3PK"];

pub async fn place_and_verify_order(user: &mut GooseUser) -> TransactionResult {
    let sku = SKUS[user.weighted_users_index % SKUS.len()];
    let mut goose = user
        .post_json("/api/orders", &json!({ "sku": sku, "qty": 1, "payment": "test-card" }))
        .await?;

    let order: OrderCreated = match goose.response {
        Ok(resp) => match resp.json().await {
            Ok(o) => o,
            Err(_) => return user.set_failure("order: bad json", &mut goose.request, None, None),
        },
        Err(_) => return user.set_failure("order: no response", &mut goose.request, None, None),
    };

    // The row must exist and be pending.
    let db_url = std::env::var("SHOP_DATABASE_URL").unwrap_or_default();
    let db = match PgPool::connect(&db_url).await {
        Ok(pool) => pool,
        Err(_) => return user.set_failure("order: db unreachable", &mut goose.request, None, None),
    };
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT status, total_cents FROM orders WHERE id = $1")
            .bind(order.id)
            .fetch_optional(&db)
            .await
            .ok()
            .flatten();
    match row {
        Some((status, total)) if status == "pending" && total == order.total_cents => {}
        _ => return user.set_failure("order: row missing or wrong", &mut goose.request, None, None),
    }

    // The fulfilment job must have been queued.
    let redis_url = std::env::var("SHOP_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let queue = redis::Client::open(redis_url.as_str()).expect("redis url");
    let queued: bool = match queue.get_multiplexed_async_connection().await {
        Ok(mut conn) => conn.sismember("fulfilment:pending", order.id).await.unwrap_or(false),
        Err(_) => false,
    };
    if !queued {
        return user.set_failure("order: not queued for fulfilment", &mut goose.request, None, None);
    }
    Ok(())
}
