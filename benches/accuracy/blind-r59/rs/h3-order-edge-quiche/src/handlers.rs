//! Request handlers for the HTTP/3 edge. `route` is called from the h3 poll
//! loop in main.rs once for every HEADERS event, i.e. once per request.

use postgres::NoTls;
use redis::Commands;
use serde::{Deserialize, Serialize};

pub struct Shared {
    pub db_url: String,
    pub redis_url: String,
    pub http: reqwest::blocking::Client,
    pub carrier_base: String,
}

pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    fn json<T: Serialize>(status: u16, value: &T) -> Reply {
        let body = serde_json::to_vec(value).unwrap_or_default();
        Reply { status, content_type: "application/json", body }
    }

    fn text(status: u16, msg: impl std::fmt::Display) -> Reply {
        Reply { status, content_type: "text/plain", body: msg.to_string().into_bytes() }
    }
}

#[derive(Serialize)]
struct OrderStatus {
    order_id: i64,
    state: String,
    carrier: Option<String>,
    tracking: Option<String>,
    eta: Option<String>,
}

#[derive(Serialize)]
struct StockLevel {
    sku: String,
    available: i64,
    reserved: i64,
}

#[derive(Deserialize)]
struct CarrierEta {
    estimated_delivery: String,
}

pub fn route(method: &str, path: &str, shared: &Shared) -> Reply {
    let path = path.split('?').next().unwrap_or("");
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (method, segments.as_slice()) {
        ("GET", ["healthz"]) => Reply::text(200, "ok"),
        ("GET", ["v1", "orders", id]) => match id.parse::<i64>() {
            Ok(id) => order_status(id, shared),
            Err(_) => Reply::text(400, "order id must be numeric"),
        },
        ("GET", ["v1", "stock", sku]) => stock_level(sku, shared),
        _ => Reply::text(404, "not found"),
    }
}

fn order_status(order_id: i64, shared: &Shared) -> Reply {
    let mut db = match postgres::Client::connect(&shared.db_url, NoTls) {
        Ok(c) => c,
        Err(e) => return Reply::text(503, format!("database unavailable: {e}")),
    };
    let row = match db.query_opt(
        "SELECT state, carrier, tracking_no FROM orders WHERE id = $1",
        &[&order_id],
    ) {
        Ok(Some(row)) => row,
        Ok(None) => return Reply::text(404, "no such order"),
        Err(e) => return Reply::text(500, e),
    };
    let carrier: Option<String> = row.get(1);
    let tracking: Option<String> = row.get(2);
    let eta = match (&carrier, &tracking) {
        (Some(c), Some(t)) => carrier_eta(c, t, shared),
        _ => None,
    };
    Reply::json(200, &OrderStatus { order_id, state: row.get(0), carrier, tracking, eta })
}

fn carrier_eta(carrier: &str, tracking: &str, shared: &Shared) -> Option<String> {
    let url = format!("{}/v1/{}/shipments/{}", shared.carrier_base, carrier, tracking);
    let resp = shared.http.get(url).send().ok()?;
    if !resp.status().is_success() {
        return None;
    }
    resp.json::<CarrierEta>().ok().map(|e| e.estimated_delivery)
}

fn stock_level(sku: &str, shared: &Shared) -> Reply {
    let mut con = match redis::Client::open(shared.redis_url.as_str()).and_then(|c| c.get_connection()) {
        Ok(con) => con,
        Err(e) => return Reply::text(503, format!("cache unavailable: {e}")),
    };
    let available: Option<i64> = con.hget("stock:available", sku).unwrap_or(None);
    let reserved: Option<i64> = con.hget("stock:reserved", sku).unwrap_or(None);
    match available {
        Some(available) => Reply::json(
            200,
            &StockLevel { sku: sku.to_string(), available, reserved: reserved.unwrap_or(0) },
        ),
        None => Reply::text(404, "unknown sku"),
    }
}
