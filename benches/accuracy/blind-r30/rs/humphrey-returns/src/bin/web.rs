use std::sync::Arc;

use humphrey::http::{Request, Response, StatusCode};
use humphrey::App;
use mysql::prelude::*;
use mysql::{Pool, TxOpts};
use serde::Deserialize;

use humphrey_returns::db;

struct AppState {
    pool: Pool,
}

#[derive(Deserialize)]
struct NewReturn {
    order_ref: String,
    sku: String,
    reason: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = db::make_pool(&std::env::var("RETURNS_DB_URL")?, 16)?;
    let app: App<AppState> = App::new_with_config(16, AppState { pool })
        .with_route("/api/returns", create_return)
        .with_route("/api/returns/*", get_return);
    app.run("0.0.0.0:8080")?;
    Ok(())
}

fn json(status: StatusCode, body: serde_json::Value) -> Response {
    Response::new(status, body.to_string()).with_header(humphrey::http::headers::HeaderType::ContentType, "application/json")
}

// GET /api/returns/RMA-123 — one checkout from the shared pool per request.
fn get_return(request: Request, state: Arc<AppState>) -> Response {
    let rma = request.uri.trim_start_matches("/api/returns/").to_string();
    let mut conn = match state.pool.get_conn() {
        Ok(c) => c,
        Err(_) => return json(StatusCode::ServiceUnavailable, serde_json::json!({ "error": "db busy" })),
    };
    let row: Option<(String, String, String)> = conn
        .exec_first("SELECT order_ref, sku, status FROM returns WHERE rma = ?", (rma.as_str(),))
        .unwrap_or(None);
    match row {
        Some((order_ref, sku, status)) => json(
            StatusCode::OK,
            serde_json::json!({ "rma": rma, "order_ref": order_ref, "sku": sku, "status": status }),
        ),
        None => json(StatusCode::NotFound, serde_json::json!({ "error": "unknown RMA" })),
    }
}

// POST /api/returns
fn create_return(request: Request, state: Arc<AppState>) -> Response {
    let Some(body) = request.content.as_ref() else {
        return json(StatusCode::BadRequest, serde_json::json!({ "error": "missing body" }));
    };
    let Ok(new): Result<NewReturn, _> = serde_json::from_slice(body) else {
        return json(StatusCode::BadRequest, serde_json::json!({ "error": "invalid body" }));
    };

    let result = (|| -> Result<String, mysql::Error> {
        let mut conn = state.pool.get_conn()?;
        // Transaction rolls back when dropped without commit (early `?` returns included).
        let mut tx = conn.start_transaction(TxOpts::default())?;
        tx.exec_drop(
            "INSERT INTO returns (rma, order_ref, sku, reason, status) VALUES (CONCAT('RMA-', UUID_SHORT()), ?, ?, ?, 'requested')",
            (&new.order_ref, &new.sku, &new.reason),
        )?;
        let rma: String = tx
            .query_first("SELECT rma FROM returns WHERE id = LAST_INSERT_ID()")?
            .unwrap_or_default();
        tx.exec_drop(
            "UPDATE order_lines SET return_requested = 1 WHERE order_ref = ? AND sku = ?",
            (&new.order_ref, &new.sku),
        )?;
        tx.commit()?;
        Ok(rma)
    })();

    match result {
        Ok(rma) => json(StatusCode::Created, serde_json::json!({ "rma": rma })),
        Err(e) => json(StatusCode::InternalError, serde_json::json!({ "error": e.to_string() })),
    }
}
