use std::convert::Infallible;
use std::net::SocketAddr;

use hyper::{Body, Request, Response, Server, StatusCode};
use routerify::ext::RequestExt;
use routerify::{Router, RouterService};
use serde::Deserialize;
use serde_json::json;
use shipments::db;
use shipments::model::Shipment;
use sqlx::PgPool;

#[derive(Clone)]
struct AppState {
    pool: PgPool,
}

#[derive(Deserialize)]
struct NewShipment {
    order_ref: String,
    carrier: String,
}

fn json_response(status: StatusCode, body: serde_json::Value) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .expect("static response parts")
}

async fn get_shipment(req: Request<Body>) -> Result<Response<Body>, Infallible> {
    let state = req.data::<AppState>().expect("AppState registered on router");
    let Some(id) = req.param("id").and_then(|s| s.parse::<i64>().ok()) else {
        return Ok(json_response(StatusCode::BAD_REQUEST, json!({ "error": "bad id" })));
    };
    let row = sqlx::query_as::<_, Shipment>(
        "SELECT id, order_ref, carrier, tracking_no, status, updated_at FROM shipments WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&state.pool)
    .await;
    Ok(match row {
        Ok(Some(s)) => json_response(StatusCode::OK, json!(s)),
        Ok(None) => json_response(StatusCode::NOT_FOUND, json!({ "error": "not found" })),
        Err(e) => {
            tracing::error!("get_shipment {id}: {e}");
            json_response(StatusCode::INTERNAL_SERVER_ERROR, json!({ "error": "database" }))
        }
    })
}

async fn create_shipment(mut req: Request<Body>) -> Result<Response<Body>, Infallible> {
    let bytes = match hyper::body::to_bytes(req.body_mut()).await {
        Ok(b) => b,
        Err(_) => return Ok(json_response(StatusCode::BAD_REQUEST, json!({ "error": "body" }))),
    };
    let Ok(new) = serde_json::from_slice::<NewShipment>(&bytes) else {
        return Ok(json_response(StatusCode::UNPROCESSABLE_ENTITY, json!({ "error": "invalid json" })));
    };
    let state = req.data::<AppState>().expect("AppState registered on router");
    let row = sqlx::query_as::<_, Shipment>(
        "INSERT INTO shipments (order_ref, carrier, status, updated_at) VALUES ($1, $2, 'created', now()) \
         RETURNING id, order_ref, carrier, tracking_no, status, updated_at",
    )
    .bind(&new.order_ref)
    .bind(&new.carrier)
    .fetch_one(&state.pool)
    .await;
    Ok(match row {
        Ok(s) => json_response(StatusCode::CREATED, json!(s)),
        Err(e) => {
            tracing::error!("create_shipment: {e}");
            json_response(StatusCode::INTERNAL_SERVER_ERROR, json!({ "error": "database" }))
        }
    })
}

fn router(state: AppState) -> Router<Body, Infallible> {
    Router::builder()
        .data(state)
        .get("/shipments/:id", get_shipment)
        .post("/shipments", create_shipment)
        .build()
        .expect("valid routes")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pool = db::make_pool(10).await?;

    let service = RouterService::new(router(AppState { pool })).expect("router service");
    let addr: SocketAddr = std::env::var("BIND_ADDR")
        .unwrap_or_else(|_| "0.0.0.0:8080".into())
        .parse()?;
    tracing::info!("shipments web on {addr}");

    Server::bind(&addr)
        .serve(service)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
