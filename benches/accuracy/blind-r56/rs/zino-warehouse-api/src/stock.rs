//! Stock levels and reservations. Every handler borrows the shared pool and
//! runs its statements in one short transaction.

use crate::{bad_request, clients, internal};
use serde::Deserialize;
use zino::{prelude::*, Request, Response, Result};

#[derive(Deserialize)]
struct ReserveBody {
    order_id: Uuid,
    quantity: i32,
}

fn valid_sku(sku: &str) -> bool {
    !sku.is_empty()
        && sku.len() <= 32
        && sku.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

pub async fn view(req: Request) -> Result {
    let sku: String = req.parse_param("sku")?;
    if !valid_sku(&sku) {
        return Err(bad_request(&req, "sku", "malformed SKU"));
    }
    let row: Option<(i32, i32)> = sqlx::query_as("SELECT on_hand, reserved FROM stock WHERE sku = $1")
        .bind(&sku)
        .fetch_optional(clients::pg())
        .await
        .map_err(|e| internal(&req, e))?;
    let (on_hand, reserved) = row.unwrap_or((0, 0));

    let mut res = Response::default().context(&req);
    res.set_json_data(json!({ "sku": sku, "on_hand": on_hand, "reserved": reserved, "available": on_hand - reserved }));
    Ok(res.into())
}

pub async fn reserve(mut req: Request) -> Result {
    let sku: String = req.parse_param("sku")?;
    let body: ReserveBody = req.parse_body().await?;
    if body.quantity <= 0 {
        return Err(bad_request(&req, "quantity", "must be positive"));
    }

    let mut tx = clients::pg().begin().await.map_err(|e| internal(&req, e))?;
    let updated = sqlx::query(
        "UPDATE stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2",
    )
    .bind(&sku)
    .bind(body.quantity)
    .execute(&mut *tx)
    .await
    .map_err(|e| internal(&req, e))?
    .rows_affected();
    if updated == 0 {
        // Dropping `tx` here rolls the transaction back and returns the connection.
        return Err(bad_request(&req, "quantity", "insufficient stock"));
    }
    sqlx::query("INSERT INTO reservations (order_id, sku, quantity) VALUES ($1, $2, $3)")
        .bind(body.order_id)
        .bind(&sku)
        .bind(body.quantity)
        .execute(&mut *tx)
        .await
        .map_err(|e| internal(&req, e))?;
    tx.commit().await.map_err(|e| internal(&req, e))?;

    let mut res = Response::default().context(&req);
    res.set_json_data(json!({ "sku": sku, "reserved": body.quantity }));
    Ok(res.into())
}

pub async fn release(mut req: Request) -> Result {
    let sku: String = req.parse_param("sku")?;
    let body: ReserveBody = req.parse_body().await?;

    let mut conn = clients::pg().acquire().await.map_err(|e| internal(&req, e))?;
    let released = sqlx::query_scalar::<_, i32>(
        "WITH r AS (DELETE FROM reservations WHERE order_id = $1 AND sku = $2 RETURNING quantity) \
         UPDATE stock SET reserved = reserved - r.quantity FROM r WHERE stock.sku = $2 RETURNING r.quantity",
    )
    .bind(body.order_id)
    .bind(&sku)
    .fetch_optional(&mut *conn)
    .await
    .map_err(|e| internal(&req, e))?
    .unwrap_or(0);

    let mut res = Response::default().context(&req);
    res.set_json_data(json!({ "sku": sku, "released": released }));
    Ok(res.into())
}
