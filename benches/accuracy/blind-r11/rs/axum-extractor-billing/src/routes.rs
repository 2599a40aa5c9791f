use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use sqlx::Row;

use crate::extract::{DbConn, PaymentGateway};

#[derive(Serialize)]
pub struct Invoice {
    id: i64,
    customer_id: i64,
    amount_cents: i64,
    status: String,
}

fn internal(err: impl std::fmt::Display) -> (StatusCode, String) {
    (StatusCode::INTERNAL_SERVER_ERROR, err.to_string())
}

pub async fn get_invoice(Path(id): Path<i64>, DbConn(mut conn): DbConn) -> Result<Json<Invoice>, (StatusCode, String)> {
    let row = sqlx::query("SELECT id, customer_id, amount_cents, status FROM invoices WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(internal)?
        .ok_or((StatusCode::NOT_FOUND, "no such invoice".to_owned()))?;
    Ok(Json(Invoice {
        id: row.get("id"),
        customer_id: row.get("customer_id"),
        amount_cents: row.get("amount_cents"),
        status: row.get("status"),
    }))
}

pub async fn charge_invoice(
    Path(id): Path<i64>,
    DbConn(mut conn): DbConn,
    gateway: PaymentGateway,
) -> Result<StatusCode, (StatusCode, String)> {
    let amount: i64 = sqlx::query_scalar("SELECT amount_cents FROM invoices WHERE id = $1 AND status = 'open'")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(internal)?
        .ok_or((StatusCode::CONFLICT, "invoice is not open".to_owned()))?;

    let resp = gateway.http.post(format!("{}/v1/charges", gateway.base_url))
        .json(&serde_json::json!({ "invoice_id": id, "amount_cents": amount }))
        .send()
        .await
        .map_err(internal)?;
    if !resp.status().is_success() {
        return Err((StatusCode::BAD_GATEWAY, format!("gateway returned {}", resp.status())));
    }

    sqlx::query("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1")
        .bind(id).execute(&mut *conn).await.map_err(internal)?;
    Ok(StatusCode::NO_CONTENT)
}
