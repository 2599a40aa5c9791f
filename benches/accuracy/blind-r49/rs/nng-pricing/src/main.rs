mod services;

use std::env;

use anyhow::{anyhow, Result};
use nng::{Message, Protocol, Socket};
use serde::{Deserialize, Serialize};

use services::Services;

#[derive(Deserialize)]
struct QuoteRequest {
    sku: String,
    qty: i32,
    currency: String,
}

#[derive(Serialize)]
struct QuoteReply {
    sku: String,
    unit_price: f64,
    total: f64,
    currency: String,
}

#[derive(Deserialize)]
struct FxRate {
    rate: f64,
}

fn quote(svc: &Services, req: QuoteRequest) -> Result<QuoteReply> {
    let mut conn = svc.pool.get()?;
    let row = conn
        .query_opt(
            "SELECT unit_price_eur::float8 FROM price_list WHERE sku = $1 AND min_qty <= $2 \
             ORDER BY min_qty DESC LIMIT 1",
            &[&req.sku, &req.qty],
        )?
        .ok_or_else(|| anyhow!("unknown sku {}", req.sku))?;
    let eur: f64 = row.get(0);

    let rate = if req.currency == "EUR" {
        1.0
    } else {
        svc.fx
            .get(&svc.fx_url)
            .query("from", "EUR")
            .query("to", &req.currency)
            .call()?
            .into_json::<FxRate>()?
            .rate
    };
    let unit_price = (eur * rate * 100.0).round() / 100.0;
    Ok(QuoteReply {
        total: unit_price * req.qty as f64,
        unit_price,
        sku: req.sku,
        currency: req.currency,
    })
}

fn main() -> Result<()> {
    let svc = Services::build()?;
    let url = env::var("NNG_URL").unwrap_or_else(|_| "tcp://0.0.0.0:5555".into());
    let socket = Socket::new(Protocol::Rep0)?;
    socket.listen(&url)?;
    println!("pricing REP socket on {url}");

    loop {
        let msg = socket.recv()?;
        let reply = match serde_json::from_slice::<QuoteRequest>(&msg) {
            Ok(req) => match quote(&svc, req) {
                Ok(q) => serde_json::to_vec(&q)?,
                Err(e) => serde_json::to_vec(&serde_json::json!({ "error": e.to_string() }))?,
            },
            Err(e) => serde_json::to_vec(&serde_json::json!({ "error": format!("bad request: {e}") }))?,
        };
        socket
            .send(Message::from(&reply[..]))
            .map_err(|(_, e)| anyhow!("send: {e}"))?;
    }
}
