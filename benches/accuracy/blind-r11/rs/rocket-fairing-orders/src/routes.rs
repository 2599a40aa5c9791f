use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::State;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use crate::audit::AuditLog;
use crate::geo::GeoHint;

#[derive(Deserialize)]
pub struct NewOrder {
    customer_id: i64,
    sku: String,
    quantity: i32,
}

#[derive(Serialize, sqlx::FromRow)]
pub struct Order {
    id: i64,
    customer_id: i64,
    sku: String,
    quantity: i32,
    country: Option<String>,
}

#[post("/orders", data = "<order>")]
pub async fn create_order(
    pool: &State<PgPool>,
    audit: &State<AuditLog>,
    geo: GeoHint,
    order: Json<NewOrder>,
) -> Result<Json<Order>, Status> {
    let created = sqlx::query_as::<_, Order>(
        "INSERT INTO orders (customer_id, sku, quantity, country) VALUES ($1, $2, $3, $4) \
         RETURNING id, customer_id, sku, quantity, country",
    )
    .bind(order.customer_id)
    .bind(&order.sku)
    .bind(order.quantity)
    .bind(&geo.country)
    .fetch_one(pool.inner())
    .await
    .map_err(|_| Status::InternalServerError)?;

    audit
        .record(&format!("customer:{}", order.customer_id), "order.created", created.id)
        .await
        .map_err(|_| Status::InternalServerError)?;
    Ok(Json(created))
}

#[get("/orders/<id>")]
pub async fn get_order(pool: &State<PgPool>, id: i64) -> Result<Json<Order>, Status> {
    sqlx::query_as::<_, Order>("SELECT id, customer_id, sku, quantity, country FROM orders WHERE id = $1")
        .bind(id)
        .fetch_optional(pool.inner())
        .await
        .map_err(|_| Status::InternalServerError)?
        .map(Json)
        .ok_or(Status::NotFound)
}
