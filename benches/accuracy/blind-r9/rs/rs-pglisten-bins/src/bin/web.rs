//! HTTP API process: creates shipments; the database trigger NOTIFYs the listener.

use ohkami::fang::Context;
use ohkami::format::JSON;
use ohkami::typed::status;
use ohkami::{Ohkami, Route};
use serde::{Deserialize, Serialize};
use shipments::db;
use sqlx::{PgPool, Row};

#[derive(Deserialize)]
struct NewShipment {
    order_id: i64,
    carrier: String,
}

#[derive(Serialize)]
struct Shipment {
    id: i64,
    status: String,
}

async fn create(
    Context(pool): Context<'_, PgPool>,
    JSON(req): JSON<NewShipment>,
) -> Result<status::Created<JSON<Shipment>>, status::InternalServerError<String>> {
    let mut tx = pool.begin().await.map_err(|e| status::InternalServerError(e.to_string()))?;
    let id: i64 = sqlx::query("INSERT INTO shipments (order_id, carrier, status) VALUES ($1, $2, 'new') RETURNING id")
        .bind(req.order_id)
        .bind(&req.carrier)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| status::InternalServerError(e.to_string()))?
        .get(0);
    sqlx::query("SELECT pg_notify('shipment_created', $1::text)")
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(|e| status::InternalServerError(e.to_string()))?;
    tx.commit().await.map_err(|e| status::InternalServerError(e.to_string()))?;
    Ok(status::Created(JSON(Shipment { id, status: "new".into() })))
}

#[tokio::main]
async fn main() {
    let pool = db::connect_pool(10).await.expect("web pool");
    Ohkami::new((Context::new(pool), "/shipments".POST(create)))
        .howl("0.0.0.0:8000")
        .await
}
