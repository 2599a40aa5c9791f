//! Process-wide clients, created once by `init()` from main.

use std::sync::OnceLock;
use std::time::Duration;

use anyhow::{anyhow, Result};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use serde::Deserialize;

struct Clients {
    pg: r2d2::Pool<PostgresConnectionManager<NoTls>>,
    http: reqwest::blocking::Client,
    rates_url: String,
}

static CLIENTS: OnceLock<Clients> = OnceLock::new();

pub fn init() -> Result<()> {
    let manager = PostgresConnectionManager::new(std::env::var("WMS_DATABASE_URL")?.parse()?, NoTls);
    let pg = r2d2::Pool::builder().max_size(3).build(manager)?;
    let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(2)).build()?;
    let rates_url = std::env::var("RATES_URL").unwrap_or_else(|_| "http://rates.internal".into());
    CLIENTS
        .set(Clients { pg, http, rates_url })
        .map_err(|_| anyhow!("store::init called twice"))
}

fn clients() -> &'static Clients {
    CLIENTS.get().expect("store::init must run before the rules")
}

pub fn stock_at(warehouse: &str, sku: &str) -> Result<i64> {
    let mut conn = clients().pg.get()?;
    let row = conn.query_opt("SELECT on_hand FROM stock WHERE warehouse = $1 AND sku = $2", &[&warehouse, &sku])?;
    Ok(row.map(|r| r.get::<_, i32>(0) as i64).unwrap_or(0))
}

pub fn pickup_closed(carrier: &str, warehouse: &str) -> Result<bool> {
    let mut conn = clients().pg.get()?;
    let row = conn.query_one(
        "SELECT coalesce(bool_or(departed_at IS NOT NULL), false) FROM pickups
          WHERE carrier = $1 AND warehouse = $2 AND pickup_date = current_date",
        &[&carrier, &warehouse],
    )?;
    Ok(row.get(0))
}

#[derive(Deserialize)]
struct Quote {
    price_cents: i64,
}

pub fn quote(carrier: &str, country: &str, weight_g: i64) -> Result<i64> {
    let c = clients();
    let q: Quote = c
        .http
        .get(format!("{}/v1/quote", c.rates_url))
        .query(&[("carrier", carrier), ("country", country), ("weight_g", &weight_g.to_string())])
        .send()?
        .error_for_status()?
        .json()?;
    Ok(q.price_cents)
}

pub fn assign_carrier(order_id: &str, carrier: &str) -> Result<()> {
    let mut conn = clients().pg.get()?;
    conn.execute(
        "UPDATE shipments SET carrier = $2, carrier_chosen_at = now() WHERE order_id = $1",
        &[&order_id, &carrier],
    )?;
    Ok(())
}
