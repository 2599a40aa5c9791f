mod cache;

use std::sync::OnceLock;

use node_bindgen::derive::node_bindgen;
use postgres::{Client, NoTls};
use serde::Deserialize;

pub(crate) struct Settings {
    pub database_url: String,
    pub redis_url: String,
    pub vat_rate: f64,
}

pub(crate) static SETTINGS: OnceLock<Settings> = OnceLock::new();

#[derive(Deserialize)]
struct CartLine {
    sku: String,
    qty: i32,
}

#[node_bindgen]
struct Quote {
    subtotal: f64,
    vat: f64,
    total: f64,
    missing: Vec<String>,
}

/// Called once from server/index.mjs at boot, before Fastify starts listening.
#[node_bindgen]
fn configure(database_url: String, redis_url: String, vat_rate: f64) -> bool {
    SETTINGS
        .set(Settings { database_url, redis_url, vat_rate })
        .is_ok()
}

fn settings() -> Result<&'static Settings, String> {
    SETTINGS.get().ok_or_else(|| "configure() was not called".to_string())
}

/// POST /cart/quote -> addon.quoteCart(customerId, JSON.stringify(lines))
#[node_bindgen(name = "quoteCart")]
fn quote_cart(customer_id: String, lines_json: String) -> Result<Quote, String> {
    let cfg = settings()?;
    let lines: Vec<CartLine> = serde_json::from_str(&lines_json).map_err(|e| e.to_string())?;

    let mut db = Client::connect(&cfg.database_url, NoTls).map_err(|e| e.to_string())?;
    let tier: String = db
        .query_opt("SELECT price_tier FROM customers WHERE id = $1::text::uuid", &[&customer_id])
        .map_err(|e| e.to_string())?
        .map(|row| row.get(0))
        .unwrap_or_else(|| "retail".to_string());

    let mut subtotal = 0.0;
    let mut missing = Vec::new();
    for line in &lines {
        let row = db
            .query_opt(
                "SELECT unit_price::float8 FROM price_list WHERE sku = $1 AND tier = $2",
                &[&line.sku, &tier],
            )
            .map_err(|e| e.to_string())?;
        match row {
            Some(r) => subtotal += r.get::<_, f64>(0) * f64::from(line.qty),
            None => missing.push(line.sku.clone()),
        }
    }
    let vat = (subtotal * cfg.vat_rate * 100.0).round() / 100.0;
    Ok(Quote { subtotal, vat, total: subtotal + vat, missing })
}

/// POST /cart/hold -> addon.holdStock(sku, qty); soft reservation for 15 minutes.
#[node_bindgen(name = "holdStock")]
fn hold_stock(sku: String, qty: i32, cart_id: String) -> Result<bool, String> {
    let mut conn = cache::connect().map_err(|e| e.to_string())?;
    let available: i64 = redis::cmd("DECRBY")
        .arg(format!("stock:{sku}"))
        .arg(qty)
        .query(&mut conn)
        .map_err(|e| e.to_string())?;
    if available < 0 {
        let _: i64 = redis::cmd("INCRBY")
            .arg(format!("stock:{sku}"))
            .arg(qty)
            .query(&mut conn)
            .map_err(|e| e.to_string())?;
        return Ok(false);
    }
    let _: () = redis::cmd("SET")
        .arg(format!("hold:{cart_id}:{sku}"))
        .arg(qty)
        .arg("EX")
        .arg(900)
        .query(&mut conn)
        .map_err(|e| e.to_string())?;
    Ok(true)
}
