mod audit;
mod db;
mod payments;

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use futures_util::TryStreamExt;
use ohkami::fang::Context;
use ohkami::format::JSON;
use ohkami::typed::status;
use ohkami::{Ohkami, Route};
use serde::{Deserialize, Serialize};
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres, Row};

use audit::AuditLog;
use payments::PaymentGateway;

/// Export cursors: one reserved connection per running export.
static EXPORTS: LazyLock<Mutex<HashMap<u64, PoolConnection<Postgres>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[derive(Deserialize)]
struct CreateOrder {
    customer: String,
    amount_cents: i64,
}

#[derive(Serialize)]
struct Created {
    id: i64,
    charge_id: String,
}

#[derive(Serialize)]
struct ExportStarted {
    export_id: u64,
    first_page: Vec<i64>,
}

async fn create_order(
    Context(pool): Context<'_, PgPool>,
    Context(audit): Context<'_, AuditLog>,
    JSON(req): JSON<CreateOrder>,
) -> Result<status::Created<JSON<Created>>, status::InternalServerError<String>> {
    let err = |e: &dyn std::fmt::Display| status::InternalServerError(e.to_string());

    let id: i64 = sqlx::query("INSERT INTO orders (customer, amount_cents) VALUES ($1, $2) RETURNING id")
        .bind(&req.customer)
        .bind(req.amount_cents)
        .fetch_one(pool)
        .await
        .map_err(|e| err(&e))?
        .get(0);

    let gateway = PaymentGateway::new();
    let charge = gateway.charge(id, req.amount_cents).await.map_err(|e| err(&e))?;

    audit
        .record(&req.customer, &format!("order {id} charged {}", charge.status))
        .await
        .map_err(|e| err(&e))?;

    Ok(status::Created(JSON(Created { id, charge_id: charge.charge_id })))
}

async fn start_export(
    Context(pool): Context<'_, PgPool>,
) -> Result<JSON<ExportStarted>, status::InternalServerError<String>> {
    let mut conn = pool.acquire().await.map_err(|e| status::InternalServerError(e.to_string()))?;

    let first_page: Vec<i64> = sqlx::query("SELECT id FROM orders ORDER BY id LIMIT 500")
        .fetch(&mut *conn)
        .map_ok(|r| r.get::<i64, _>(0))
        .try_collect()
        .await
        .map_err(|e| status::InternalServerError(e.to_string()))?;

    let export_id = rand_id();
    EXPORTS.lock().unwrap().insert(export_id, conn);

    Ok(JSON(ExportStarted { export_id, first_page }))
}

fn rand_id() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let pool = db::init_pool().await;
    let audit = AuditLog::connect().await.expect("audit pool");

    Ohkami::new((
        Context::new(pool),
        Context::new(audit),
        "/orders".POST(create_order),
        "/exports".POST(start_export),
    ))
    .howl("0.0.0.0:5000")
    .await
}
