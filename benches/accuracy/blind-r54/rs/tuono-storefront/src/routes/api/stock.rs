//! GET /api/stock?sku=... — polled by the product page every few seconds
//! to show the "only N left" badge.

use std::collections::HashMap;

use redis::AsyncCommands;
use serde::Serialize;
use tuono_lib::axum::{http::StatusCode, Json};
use tuono_lib::Request;

use crate::app::ApplicationState;

#[derive(Serialize)]
pub struct StockLevel {
    sku: String,
    available: i64,
    cached: bool,
}

fn sku_param(req: &Request) -> Option<String> {
    let query = req.uri.query()?;
    let params: HashMap<&str, &str> = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .collect();
    params.get("sku").map(|s| s.to_string())
}

#[tuono_lib::api(GET)]
pub async fn stock(req: Request, state: ApplicationState) -> Result<Json<StockLevel>, StatusCode> {
    let sku = sku_param(&req).ok_or(StatusCode::BAD_REQUEST)?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    let client = redis::Client::open(redis_url.as_str()).map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let mut cache = client
        .get_multiplexed_async_connection()
        .await
        .map_err(|_| StatusCode::SERVICE_UNAVAILABLE)?;

    let key = format!("stock:{sku}");
    if let Ok(Some(available)) = cache.get::<_, Option<i64>>(&key).await {
        return Ok(Json(StockLevel { sku, available, cached: true }));
    }

    let available: i64 = sqlx::query_scalar("SELECT available FROM stock_levels WHERE sku = $1")
        .bind(&sku)
        .fetch_optional(&state.db)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
        .unwrap_or(0);

    let _: Result<(), _> = cache.set_ex(&key, available, 10).await;

    Ok(Json(StockLevel { sku, available, cached: false }))
}
