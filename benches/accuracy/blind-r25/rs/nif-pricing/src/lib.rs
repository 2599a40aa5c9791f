//! NIFs called by `Shop.Pricing` on every cart render and checkout.
//!
//! The Elixir side calls `Shop.Pricing.Native.quote/3` from the LiveView
//! cart component and `record_sale/3` from the checkout controller, so every
//! function below runs once per storefront request (on a dirty IO scheduler).

use std::sync::OnceLock;

use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use rustler::{Env, Error, NifResult, NifStruct, Term};

mod db;
mod fx;

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static CATALOG: OnceLock<PgPool> = OnceLock::new();

mod atoms {
    rustler::atoms! {
        ok,
        not_loaded,
        unknown_sku,
    }
}

#[derive(NifStruct)]
#[module = "Shop.Pricing.Quote"]
struct Quote {
    sku: String,
    currency: String,
    unit_price_cents: i64,
    tax_cents: i64,
}

fn term_err<E: std::fmt::Display>(e: E) -> Error {
    Error::Term(Box::new(e.to_string()))
}

fn load(_env: Env, _info: Term) -> bool {
    let url = std::env::var("CATALOG_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://shop@localhost:5432/catalog".to_string());
    match db::catalog_pool(&url) {
        Ok(pool) => CATALOG.set(pool).is_ok(),
        Err(_) => false,
    }
}

fn tax_rate(region: &str) -> f64 {
    match region {
        "DE" => 0.19,
        "FR" => 0.20,
        "NL" => 0.21,
        "UK" => 0.20,
        _ => 0.0,
    }
}

#[rustler::nif(schedule = "DirtyIo")]
fn quote(sku: String, currency: String, region: String) -> NifResult<Quote> {
    let pool = CATALOG.get().ok_or(Error::Term(Box::new(atoms::not_loaded())))?;
    let mut conn = pool.get().map_err(term_err)?;

    let row = conn
        .query_opt(
            "SELECT base_price_cents FROM prices WHERE sku = $1 AND active",
            &[&sku],
        )
        .map_err(term_err)?
        .ok_or(Error::Term(Box::new(atoms::unknown_sku())))?;
    drop(conn);

    let base_eur: i64 = row.get(0);
    let rate = if currency == "EUR" {
        1.0
    } else {
        fx::rate("EUR", &currency).map_err(term_err)?
    };

    let unit = (base_eur as f64 * rate).round() as i64;
    let tax = (unit as f64 * tax_rate(&region)).round() as i64;

    Ok(Quote {
        sku,
        currency,
        unit_price_cents: unit,
        tax_cents: tax,
    })
}

#[rustler::nif(schedule = "DirtyIo")]
fn record_sale(order_ref: String, sku: String, total_cents: i64) -> NifResult<rustler::Atom> {
    let mut ledger = db::connect_ledger().map_err(term_err)?;
    ledger
        .execute(
            "INSERT INTO sales (order_ref, sku, total_cents, recorded_at) \
             VALUES ($1, $2, $3, now()) ON CONFLICT (order_ref, sku) DO NOTHING",
            &[&order_ref, &sku, &total_cents],
        )
        .map_err(term_err)?;
    Ok(atoms::ok())
}

rustler::init!("Elixir.Shop.Pricing.Native", load = load);
