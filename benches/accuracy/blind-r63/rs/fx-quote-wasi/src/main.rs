//! GET /quote?from=EUR&to=USD&amount=2500&desk=retail
//!
//! Runs as a wasi:http incoming-handler. `wasmtime serve` creates a new instance per
//! request, so there is no process-wide state to cache anything in; outgoing calls go
//! through the host's wasi:http outgoing-handler, which owns connection management.

mod upstream;

use serde::Serialize;
use wstd::http::{Body, Error, Request, Response, StatusCode};

#[derive(Serialize)]
struct Quote {
    from: String,
    to: String,
    amount: f64,
    rate: f64,
    converted: f64,
    spread_bps: u32,
    source: String,
}

#[wstd::http_server]
async fn main(req: Request<Body>) -> Result<Response<Body>, Error> {
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or_default().to_string();
    match path.as_str() {
        "/healthz" => Ok(Response::new(Body::from("ok"))),
        "/quote" => match quote(&query).await {
            Ok(body) => json(StatusCode::OK, body),
            Err(err) => json(
                StatusCode::BAD_GATEWAY,
                serde_json::json!({ "error": err.to_string() }).to_string(),
            ),
        },
        _ => Ok(Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Body::empty())?),
    }
}

fn json(status: StatusCode, body: String) -> Result<Response<Body>, Error> {
    Ok(Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body))?)
}

fn param<'q>(query: &'q str, key: &str) -> Option<&'q str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

async fn quote(query: &str) -> anyhow::Result<String> {
    let from = param(query, "from").unwrap_or("EUR").to_uppercase();
    let to = param(query, "to").unwrap_or("USD").to_uppercase();
    let amount: f64 = param(query, "amount").unwrap_or("1").parse()?;
    let desk = param(query, "desk").unwrap_or("retail");

    let rates_url = std::env::var("RATES_URL")?;
    let limits_url = std::env::var("LIMITS_URL")?;

    let mid = upstream::mid_rate(&rates_url, &from, &to).await?;
    let spread_bps = upstream::desk_spread(&limits_url, desk, &from, &to, amount).await?;
    let rate = mid.rate * (1.0 - spread_bps as f64 / 10_000.0);

    Ok(serde_json::to_string(&Quote {
        from,
        to,
        amount,
        rate,
        converted: (amount * rate * 100.0).round() / 100.0,
        spread_bps,
        source: mid.source,
    })?)
}
