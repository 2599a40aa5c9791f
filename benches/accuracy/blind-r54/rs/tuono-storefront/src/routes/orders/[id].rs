use std::env;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::postgres::PgPoolOptions;
use tuono_lib::{Props, Request, Response};

use crate::app::ApplicationState;

#[derive(Serialize, sqlx::FromRow)]
struct OrderRow {
    id: i64,
    status: String,
    total_cents: i64,
    placed_at: DateTime<Utc>,
}

#[derive(Serialize, sqlx::FromRow)]
struct Shipment {
    carrier: String,
    tracking_number: String,
    shipped_at: Option<DateTime<Utc>>,
}

#[derive(Serialize)]
struct OrderProps {
    order: OrderRow,
    shipments: Vec<Shipment>,
}

#[tuono_lib::handler]
async fn get_server_side_props(req: Request, state: ApplicationState) -> Response {
    let Some(order_id) = req.params.get("id").and_then(|id| id.parse::<i64>().ok()) else {
        return Response::Redirect("/orders".to_string());
    };

    let order = sqlx::query_as::<_, OrderRow>(
        "SELECT id, status, total_cents, placed_at FROM orders WHERE id = $1",
    )
    .bind(order_id)
    .fetch_optional(&state.db)
    .await;

    let order = match order {
        Ok(Some(order)) => order,
        Ok(None) => return Response::Redirect("/orders".to_string()),
        Err(err) => {
            tracing::error!(%err, order_id, "order lookup failed");
            return Response::Redirect("/orders?error=1".to_string());
        }
    };

    // Shipments live in the warehouse (WMS) database, which the storefront
    // state does not carry, so open a small pool for it here.
    let wms_url = env::var("WMS_DATABASE_URL").unwrap_or_default();
    let shipments = match PgPoolOptions::new().max_connections(2).connect(&wms_url).await {
        Ok(wms) => sqlx::query_as::<_, Shipment>(
            "SELECT carrier, tracking_number, shipped_at FROM shipments WHERE order_ref = $1",
        )
        .bind(order_id.to_string())
        .fetch_all(&wms)
        .await
        .unwrap_or_default(),
        Err(err) => {
            tracing::warn!(%err, "warehouse database unavailable");
            Vec::new()
        }
    };

    Response::Props(Props::new(OrderProps { order, shipments }))
}
