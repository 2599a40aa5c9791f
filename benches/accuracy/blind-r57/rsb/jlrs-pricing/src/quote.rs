//! Price quotes: list price, customer discount, FX conversion to EUR.
use std::collections::HashMap;
use std::error::Error;
use std::sync::OnceLock;
use std::time::Duration;

use postgres::NoTls;
use serde::Deserialize;

#[derive(Deserialize)]
struct Rates {
    rates: HashMap<String, f64>,
}

static HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();

fn http() -> &'static reqwest::blocking::Client {
    HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("http client")
    })
}

fn eur_rate(currency: &str) -> Result<f64, Box<dyn Error>> {
    if currency == "EUR" {
        return Ok(1.0);
    }
    let rates: Rates = http()
        .get("https://fx.internal.example.com/v1/latest?base=EUR")
        .send()?
        .error_for_status()?
        .json()?;
    rates.rates.get(currency).map(|r| 1.0 / r).ok_or_else(|| "unknown currency".into())
}

fn quote(sku: i64, qty: i64, customer: i64) -> Result<i64, Box<dyn Error>> {
    let mut db = postgres::Client::connect(&crate::database_url(), NoTls)?;
    let row = db
        .query_opt("SELECT list_price_cents, currency FROM catalog WHERE sku = $1", &[&sku])?
        .ok_or("unknown sku")?;
    let list_cents: i64 = row.get(0);
    let currency: String = row.get(1);
    let discount_pct: i32 = db
        .query_opt(
            "SELECT discount_pct FROM customer_discounts WHERE customer_id = $1 AND sku = $2",
            &[&customer, &sku],
        )?
        .map(|r| r.get(0))
        .unwrap_or(0);
    let gross = list_cents as f64 * qty as f64 * eur_rate(&currency)?;
    Ok((gross * (100 - discount_pct) as f64 / 100.0).round() as i64)
}

pub fn quote_cents(sku: i64, qty: i64, customer: i64) -> i64 {
    if qty <= 0 {
        return 0;
    }
    crate::or_sentinel("quote_cents", quote(sku, qty, customer))
}
