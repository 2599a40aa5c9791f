use std::sync::Arc;

use rust_socketio::asynchronous::Client;
use rust_socketio::Payload;
use serde::Deserialize;
use serde_json::{json, Value};
use sqlx::Row;

use crate::{db, AgentState};

fn first_json(payload: Payload) -> Option<Value> {
    match payload {
        Payload::Text(mut values) if !values.is_empty() => Some(values.remove(0)),
        _ => None,
    }
}

#[derive(Deserialize)]
struct ReportRequest {
    request_id: String,
    report: String,
    days: i32,
}

/// "run-report" event: one per dashboard click.
pub async fn run_report(_state: Arc<AgentState>, payload: Payload, socket: Client) {
    let Some(req) = first_json(payload).and_then(|v| serde_json::from_value::<ReportRequest>(v).ok()) else {
        return;
    };
    let result = async {
        let reporting = db::reporting_pool().await?;
        let rows = sqlx::query(
            "SELECT day::text AS day, metric, value FROM report_rollups \
             WHERE report = $1 AND day > current_date - $2 ORDER BY day",
        )
        .bind(&req.report)
        .bind(req.days)
        .fetch_all(&reporting)
        .await?;
        let points: Vec<Value> = rows
            .iter()
            .map(|r| json!({ "day": r.get::<String, _>("day"), "metric": r.get::<String, _>("metric"), "value": r.get::<f64, _>("value") }))
            .collect();
        anyhow::Ok(points)
    }
    .await;

    let reply = match result {
        Ok(points) => json!({ "request_id": req.request_id, "points": points }),
        Err(e) => json!({ "request_id": req.request_id, "error": e.to_string() }),
    };
    let _ = socket.emit("report-result", reply).await;
}

#[derive(Deserialize)]
struct ExportRequest {
    request_id: String,
    table: String,
}

const ALLOWED_EXPORTS: &[&str] = &["orders", "refunds", "payouts"];

async fn export_chunks(state: &AgentState, req: &ExportRequest) -> anyhow::Result<u64> {
    let mut conn = state.pool.acquire().await?;
    sqlx::query(&format!("DECLARE export_cur NO SCROLL CURSOR WITH HOLD FOR SELECT row_to_json(t) AS j FROM {} t", req.table))
        .execute(&mut *conn)
        .await?;

    let mut sent = 0u64;
    loop {
        let rows = sqlx::query("FETCH 5000 FROM export_cur").fetch_all(&mut *conn).await?;
        if rows.is_empty() {
            break;
        }
        let chunk: Vec<Value> = rows.iter().map(|r| r.get::<Value, _>("j")).collect();
        state
            .http
            .post(format!("{}/{}/{}", state.upload_url, req.request_id, sent))
            .json(&chunk)
            .send()
            .await?
            .error_for_status()?;
        sent += chunk.len() as u64;
    }

    sqlx::query("CLOSE export_cur").execute(&mut *conn).await?;
    Ok(sent)
}

/// "export-table" event: streams a table to the upload endpoint in chunks.
pub async fn export_table(state: Arc<AgentState>, payload: Payload, socket: Client) {
    let Some(req) = first_json(payload).and_then(|v| serde_json::from_value::<ExportRequest>(v).ok()) else {
        return;
    };
    if !ALLOWED_EXPORTS.contains(&req.table.as_str()) {
        let _ = socket.emit("export-done", json!({ "request_id": req.request_id, "error": "table not exportable" })).await;
        return;
    }
    let reply = match export_chunks(&state, &req).await {
        Ok(rows) => json!({ "request_id": req.request_id, "rows": rows }),
        Err(e) => json!({ "request_id": req.request_id, "error": e.to_string() }),
    };
    let _ = socket.emit("export-done", reply).await;
}

/// "vacuum-status" event: cheap catalog query on the shared pool.
pub async fn vacuum_status(state: Arc<AgentState>, _payload: Payload, socket: Client) {
    let rows = sqlx::query(
        "SELECT relname, n_dead_tup, last_autovacuum::text AS last_autovacuum \
         FROM pg_stat_user_tables ORDER BY n_dead_tup DESC LIMIT 20",
    )
    .fetch_all(&state.pool)
    .await;
    let reply = match rows {
        Ok(rows) => json!(rows
            .iter()
            .map(|r| json!({
                "table": r.get::<String, _>("relname"),
                "dead_tuples": r.get::<i64, _>("n_dead_tup"),
                "last_autovacuum": r.get::<Option<String>, _>("last_autovacuum"),
            }))
            .collect::<Vec<_>>()),
        Err(e) => json!({ "error": e.to_string() }),
    };
    let _ = socket.emit("vacuum-status", reply).await;
}
