//! HTTP routes. `handle` is invoked once per request with a clone of the
//! shared pool handle.

use crate::db::{self, Order};
use hyper::{Body, Method, Request, Response, StatusCode};
use mysql_async::Pool;

fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("Content-Type", "application/json")
        .header("Access-Control-Allow-Origin", "*")
        .body(Body::from(serde_json::to_vec(value).unwrap_or_default()))
        .expect("valid response")
}

fn error(status: StatusCode, msg: impl std::fmt::Display) -> Response<Body> {
    json(status, &serde_json::json!({ "error": msg.to_string() }))
}

pub async fn handle(req: Request<Body>, pool: Pool) -> Result<Response<Body>, anyhow::Error> {
    match (req.method(), req.uri().path()) {
        (&Method::GET, "/health") => Ok(Response::new(Body::from("ok"))),

        (&Method::GET, "/orders") => match db::list(&pool).await {
            Ok(orders) => Ok(json(StatusCode::OK, &orders)),
            Err(e) => Ok(error(StatusCode::INTERNAL_SERVER_ERROR, e)),
        },

        (&Method::POST, "/orders") => {
            let bytes = hyper::body::to_bytes(req.into_body()).await?;
            let order: Order = match serde_json::from_slice(&bytes) {
                Ok(o) => o,
                Err(e) => return Ok(error(StatusCode::BAD_REQUEST, e)),
            };
            if order.quantity <= 0 || order.amount_cents < 0 {
                return Ok(error(StatusCode::UNPROCESSABLE_ENTITY, "quantity and amount must be positive"));
            }
            match db::insert(&pool, &order).await {
                Ok(()) => Ok(json(StatusCode::CREATED, &order)),
                Err(e) => Ok(error(StatusCode::INTERNAL_SERVER_ERROR, e)),
            }
        }

        (&Method::OPTIONS, _) => Ok(Response::builder()
            .status(StatusCode::NO_CONTENT)
            .header("Access-Control-Allow-Origin", "*")
            .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            .header("Access-Control-Allow-Headers", "Content-Type")
            .body(Body::empty())?),

        _ => Ok(error(StatusCode::NOT_FOUND, "no such route")),
    }
}
