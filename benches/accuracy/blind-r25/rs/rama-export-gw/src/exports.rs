//! Paged exports backed by a server-side cursor.
//!
//! `POST /exports` declares a cursor inside a transaction and hands the
//! partner an export id; the partner then calls `GET /exports/:id/next`
//! until it receives an empty page.

use rama::http::{
    service::web::extract::{Json, Path},
    StatusCode,
};
use rama::Context;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::AppState;

const PAGE: i64 = 500;

#[derive(Deserialize)]
pub struct ExportRequest {
    pub partner_id: i64,
    pub since: chrono::DateTime<chrono::Utc>,
}

#[derive(Deserialize)]
pub struct ExportPath {
    pub id: Uuid,
}

#[derive(Serialize, sqlx::FromRow)]
pub struct ShipmentRow {
    pub id: i64,
    pub tracking_no: String,
    pub status: String,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize)]
pub struct Page {
    pub rows: Vec<ShipmentRow>,
    pub done: bool,
}

fn cursor_name(id: &Uuid) -> String {
    format!("export_{}", id.simple())
}

pub async fn open_export(
    ctx: Context<AppState>,
    Json(req): Json<ExportRequest>,
) -> Result<Json<serde_json::Value>, StatusCode> {
    let id = Uuid::new_v4();
    let mut tx = ctx.state().pool.begin().await.map_err(|_| StatusCode::SERVICE_UNAVAILABLE)?;

    let declare = format!(
        "DECLARE {} NO SCROLL CURSOR FOR \
         SELECT id, tracking_no, status, updated_at FROM shipments \
         WHERE partner_id = $1 AND updated_at >= $2 ORDER BY id",
        cursor_name(&id)
    );
    sqlx::query(&declare)
        .bind(req.partner_id)
        .bind(req.since)
        .execute(&mut *tx)
        .await
        .map_err(|_| StatusCode::BAD_REQUEST)?;

    ctx.state().exports.lock().await.insert(id, tx);
    Ok(Json(serde_json::json!({ "export_id": id })))
}

pub async fn next_page(
    ctx: Context<AppState>,
    Path(path): Path<ExportPath>,
) -> Result<Json<Page>, StatusCode> {
    let mut tx = ctx
        .state()
        .exports
        .lock()
        .await
        .remove(&path.id)
        .ok_or(StatusCode::NOT_FOUND)?;

    let fetch = format!("FETCH {PAGE} FROM {}", cursor_name(&path.id));
    let rows: Vec<ShipmentRow> = sqlx::query_as(&fetch)
        .fetch_all(&mut *tx)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;

    let done = (rows.len() as i64) < PAGE;
    if done {
        tx.commit().await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    } else {
        ctx.state().exports.lock().await.insert(path.id, tx);
    }
    Ok(Json(Page { rows, done }))
}
