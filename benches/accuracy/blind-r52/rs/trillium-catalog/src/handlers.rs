use serde::{Deserialize, Serialize};
use trillium::{Conn, KnownHeaderName, Status};
use trillium_router::RouterConnExt;

use crate::AppState;

fn json<T: Serialize>(conn: Conn, value: &T) -> Conn {
    match serde_json::to_string(value) {
        Ok(body) => conn
            .with_response_header(KnownHeaderName::ContentType, "application/json")
            .ok(body),
        Err(e) => conn.with_status(Status::InternalServerError).with_body(e.to_string()).halt(),
    }
}

fn state(conn: &Conn) -> AppState {
    conn.state::<AppState>().cloned().expect("AppState is installed in main")
}

pub async fn get_product(conn: Conn) -> Conn {
    let app = state(&conn);
    let sku = conn.param("sku").unwrap_or_default().to_string();
    match crate::db::product(&app.db, &sku).await {
        Ok(Some(p)) => json(conn, &p),
        Ok(None) => conn.with_status(Status::NotFound).halt(),
        Err(e) => conn.with_status(Status::InternalServerError).with_body(e.to_string()).halt(),
    }
}

pub async fn search(conn: Conn) -> Conn {
    let app = state(&conn);
    let q = conn
        .querystring()
        .split('&')
        .find_map(|kv| kv.strip_prefix("q="))
        .unwrap_or("")
        .to_string();
    match crate::db::search(&app.db, &q, 50).await {
        Ok(items) => json(conn, &items),
        Err(e) => conn.with_status(Status::InternalServerError).with_body(e.to_string()).halt(),
    }
}

pub async fn daily_sales(conn: Conn) -> Conn {
    let app = state(&conn);
    match app.reports.daily_sales(30).await {
        Ok(rows) => json(conn, &rows),
        Err(e) => conn.with_status(Status::InternalServerError).with_body(e.to_string()).halt(),
    }
}

#[derive(Deserialize)]
struct QuoteRequest {
    sku: String,
    qty: u32,
    postcode: String,
}

#[derive(Serialize, Deserialize)]
struct ShippingQuote {
    carrier: String,
    cents: i64,
    days: u8,
}

pub async fn shipping_quote(mut conn: Conn) -> Conn {
    let body = match conn.request_body_string().await {
        Ok(b) => b,
        Err(e) => return conn.with_status(Status::BadRequest).with_body(e.to_string()).halt(),
    };
    let req: QuoteRequest = match serde_json::from_str(&body) {
        Ok(r) => r,
        Err(e) => return conn.with_status(Status::UnprocessableEntity).with_body(e.to_string()).halt(),
    };

    let carrier = reqwest::Client::new();
    let quote = carrier
        .get("https://rates.shipfast.example/v1/quote")
        .query(&[("sku", req.sku.as_str()), ("postcode", req.postcode.as_str())])
        .query(&[("qty", req.qty)])
        .send()
        .await
        .and_then(|r| r.error_for_status());
    match quote {
        Ok(resp) => match resp.json::<ShippingQuote>().await {
            Ok(q) => json(conn, &q),
            Err(e) => conn.with_status(Status::BadGateway).with_body(e.to_string()).halt(),
        },
        Err(e) => conn.with_status(Status::BadGateway).with_body(e.to_string()).halt(),
    }
}
