use serde::{Deserialize, Serialize};
use simple_server::{Method, Server, StatusCode};

mod carriers;
mod db;

#[derive(Deserialize)]
pub struct QuoteRequest {
    pub origin_zip: String,
    pub dest_zip: String,
    pub weight_kg: f64,
    pub carrier: String,
}

#[derive(Serialize)]
struct Quote {
    carrier: String,
    zone: i32,
    base_cents: i64,
    fuel_surcharge_cents: i64,
    total_cents: i64,
}

fn quote(body: &[u8]) -> anyhow::Result<Quote> {
    let req: QuoteRequest = serde_json::from_slice(body)?;

    let pool = db::pool()?;
    let mut conn = pool.get()?;
    let row = conn.query_one(
        "SELECT z.zone, r.base_cents, r.per_kg_cents \
           FROM zones z JOIN rate_cards r ON r.zone = z.zone AND r.carrier = $3 \
          WHERE z.origin_prefix = left($1, 3) AND z.dest_prefix = left($2, 3)",
        &[&req.origin_zip, &req.dest_zip, &req.carrier],
    )?;
    let zone: i32 = row.get(0);
    let base: i64 = row.get(1);
    let per_kg: i64 = row.get(2);
    let base_cents = base + (per_kg as f64 * req.weight_kg).round() as i64;

    let fuel_pct = carriers::fuel_surcharge_pct(&req.carrier)?;
    let fuel_surcharge_cents = (base_cents as f64 * fuel_pct / 100.0).round() as i64;

    conn.execute(
        "INSERT INTO quote_log (carrier, zone, weight_kg, total_cents) VALUES ($1, $2, $3, $4)",
        &[&req.carrier, &zone, &req.weight_kg, &(base_cents + fuel_surcharge_cents)],
    )?;

    Ok(Quote {
        carrier: req.carrier,
        zone,
        base_cents,
        fuel_surcharge_cents,
        total_cents: base_cents + fuel_surcharge_cents,
    })
}

fn main() {
    let host = std::env::var("BIND_HOST").unwrap_or_else(|_| "0.0.0.0".to_owned());
    let port = std::env::var("PORT").unwrap_or_else(|_| "7878".to_owned());

    let server = Server::new(|request, mut response| {
        match (request.method(), request.uri().path()) {
            (&Method::POST, "/quote") => match quote(request.body()) {
                Ok(q) => {
                    let body = serde_json::to_vec(&q).unwrap_or_default();
                    response.header("content-type", "application/json");
                    Ok(response.body(body)?)
                }
                Err(err) => {
                    eprintln!("quote failed: {err:#}");
                    response.status(StatusCode::UNPROCESSABLE_ENTITY);
                    Ok(response.body(format!("{err}").into_bytes())?)
                }
            },
            (&Method::GET, "/healthz") => Ok(response.body(b"ok".to_vec())?),
            _ => {
                response.status(StatusCode::NOT_FOUND);
                Ok(response.body(Vec::new())?)
            }
        }
    });

    server.listen(&host, &port);
}
