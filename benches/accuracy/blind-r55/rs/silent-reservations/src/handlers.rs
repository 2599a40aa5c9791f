use std::sync::LazyLock;
use std::time::Duration;

use serde::Deserialize;
use serde_json::{json, Value};
use silent::prelude::*;

use crate::db;

/// One HTTP client for the ERP callbacks, shared by every request.
static ERP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(8))
        .pool_max_idle_per_host(4)
        .build()
        .expect("reqwest client")
});

#[derive(Deserialize)]
struct ReserveBody {
    order_ref: String,
    quantity: i32,
}

fn bad_request(msg: impl Into<String>) -> SilentError {
    SilentError::business_error(StatusCode::BAD_REQUEST, msg.into())
}

fn db_error(e: sqlx::Error) -> SilentError {
    SilentError::business_error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

pub async fn get_item(req: Request) -> Result<Value> {
    let sku: String = req.get_path_params("sku")?;
    let mut conn = db::pool().acquire().await.map_err(db_error)?;
    let row: Option<(String, i32, i32)> = sqlx::query_as(
        "SELECT sku, on_hand, reserved FROM stock_items WHERE sku = $1",
    )
    .bind(&sku)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db_error)?;
    match row {
        Some((sku, on_hand, reserved)) => Ok(json!({
            "sku": sku, "on_hand": on_hand, "reserved": reserved, "available": on_hand - reserved
        })),
        None => Err(SilentError::business_error(StatusCode::NOT_FOUND, format!("no item {sku}"))),
    }
}

pub async fn reserve(mut req: Request) -> Result<Value> {
    let sku: String = req.get_path_params("sku")?;
    let body: ReserveBody = req.json_parse().await?;
    if body.quantity <= 0 {
        return Err(bad_request("quantity must be positive"));
    }

    // Dropping `tx` on any early return rolls the reservation back.
    let mut tx = db::pool().begin().await.map_err(db_error)?;
    let available: Option<i32> = sqlx::query_scalar(
        "SELECT on_hand - reserved FROM stock_items WHERE sku = $1 FOR UPDATE",
    )
    .bind(&sku)
    .fetch_optional(&mut *tx)
    .await
    .map_err(db_error)?;
    let Some(available) = available else {
        return Err(SilentError::business_error(StatusCode::NOT_FOUND, format!("no item {sku}")));
    };
    if available < body.quantity {
        return Err(SilentError::business_error(StatusCode::CONFLICT, "insufficient stock".to_string()));
    }
    let reservation_id: i64 = sqlx::query_scalar(
        "WITH r AS (INSERT INTO reservations (sku, order_ref, quantity) VALUES ($1, $2, $3) RETURNING id) \
         UPDATE stock_items SET reserved = reserved + $3 FROM r WHERE sku = $1 RETURNING r.id",
    )
    .bind(&sku)
    .bind(&body.order_ref)
    .bind(body.quantity)
    .fetch_one(&mut *tx)
    .await
    .map_err(db_error)?;
    tx.commit().await.map_err(db_error)?;

    let erp_url = std::env::var("ERP_CALLBACK_URL").unwrap_or_default();
    if !erp_url.is_empty() {
        let payload = json!({ "reservation": reservation_id, "sku": sku, "order_ref": body.order_ref });
        if let Err(e) = ERP.post(&erp_url).json(&payload).send().await {
            tracing::warn!(error = %e, "ERP callback failed; reconciliation job will retry");
        }
    }
    Ok(json!({ "reservation_id": reservation_id }))
}
