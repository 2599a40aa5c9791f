//! Request handlers. Each call borrows the shared pool from Configs; transactions are
//! taken from that pool and returned (or rolled back) when they go out of scope.

use serde::Deserialize;
use serde_json::{json, Value};
use silent::prelude::*;
use sqlx::{PgPool, Row};

use crate::geocode;

fn internal<E: std::fmt::Display>(e: E) -> SilentError {
    SilentError::business_error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

#[derive(Deserialize)]
pub struct NewTicket {
    customer_id: i64,
    address: String,
    summary: String,
}

pub async fn list_open(req: Request) -> Result<Value> {
    let pool = req.get_config::<PgPool>()?;
    let rows = sqlx::query(
        "SELECT id, summary, address, lat, lon FROM tickets WHERE closed_at IS NULL ORDER BY opened_at LIMIT 200",
    )
    .fetch_all(pool)
    .await
    .map_err(internal)?;
    let items: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "id": r.get::<i64, _>("id"),
                "summary": r.get::<String, _>("summary"),
                "address": r.get::<String, _>("address"),
                "lat": r.get::<Option<f64>, _>("lat"),
                "lon": r.get::<Option<f64>, _>("lon"),
            })
        })
        .collect();
    Ok(json!({ "tickets": items }))
}

pub async fn get_one(req: Request) -> Result<Value> {
    let id: i64 = req.get_path_params("id")?;
    let pool = req.get_config::<PgPool>()?;
    let row = sqlx::query("SELECT id, summary, address, opened_at::text AS opened FROM tickets WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(internal)?
        .ok_or_else(|| SilentError::business_error(StatusCode::NOT_FOUND, "no such ticket"))?;
    Ok(json!({
        "id": row.get::<i64, _>("id"),
        "summary": row.get::<String, _>("summary"),
        "address": row.get::<String, _>("address"),
        "opened": row.get::<String, _>("opened"),
    }))
}

pub async fn create(mut req: Request) -> Result<Value> {
    let body: NewTicket = req.json_parse().await?;
    let point = geocode::lookup(&body.address).await;
    let pool = req.get_config::<PgPool>()?;

    let mut tx = pool.begin().await.map_err(internal)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO tickets (customer_id, address, summary, lat, lon, opened_at) \
         VALUES ($1, $2, $3, $4, $5, now()) RETURNING id",
    )
    .bind(body.customer_id)
    .bind(&body.address)
    .bind(&body.summary)
    .bind(point.as_ref().map(|p| p.lat))
    .bind(point.as_ref().map(|p| p.lon))
    .fetch_one(&mut *tx)
    .await
    .map_err(internal)?;
    sqlx::query("INSERT INTO ticket_log (ticket_id, event, at) VALUES ($1, 'opened', now())")
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    tx.commit().await.map_err(internal)?;

    Ok(json!({ "id": id, "geocoded": point.is_some() }))
}

pub async fn close(req: Request) -> Result<Value> {
    let id: i64 = req.get_path_params("id")?;
    let pool = req.get_config::<PgPool>()?;
    let mut tx = pool.begin().await.map_err(internal)?;
    let updated = sqlx::query("UPDATE tickets SET closed_at = now() WHERE id = $1 AND closed_at IS NULL")
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?
        .rows_affected();
    if updated == 0 {
        // Dropping `tx` here rolls it back and returns the connection to the pool.
        return Err(SilentError::business_error(StatusCode::CONFLICT, "ticket already closed"));
    }
    sqlx::query("INSERT INTO ticket_log (ticket_id, event, at) VALUES ($1, 'closed', now())")
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(json!({ "id": id, "closed": true }))
}
