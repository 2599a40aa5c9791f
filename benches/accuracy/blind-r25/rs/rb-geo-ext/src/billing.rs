//! Shipping quotes and invoice totals, used by the checkout and invoicing
//! controllers.

use std::sync::LazyLock;

use magnus::Error;
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

use crate::{database_url, rb_err};

static BILLING_DB: LazyLock<Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let config: r2d2_postgres::postgres::Config = database_url().parse().expect("DATABASE_URL");
    Pool::new(PostgresConnectionManager::new(config, NoTls)).expect("billing pool")
});

/// `GeoExt.shipping_quote(zone, weight_grams, express)` -> cents.
pub fn shipping_quote(zone: String, weight_grams: i64, express: bool) -> Result<i64, Error> {
    let mut conn = BILLING_DB.get().map_err(rb_err)?;
    let row = conn
        .query_opt(
            "SELECT base_cents, per_kg_cents, express_multiplier \
             FROM shipping_rates WHERE zone = $1",
            &[&zone],
        )
        .map_err(rb_err)?
        .ok_or_else(|| rb_err(format!("unknown zone {zone}")))?;

    let base: i64 = row.get(0);
    let per_kg: i64 = row.get(1);
    let mult: f64 = row.get(2);

    let kg = (weight_grams as f64 / 1000.0).ceil() as i64;
    let mut cents = base + per_kg * kg;
    if express {
        cents = (cents as f64 * mult).round() as i64;
    }
    Ok(cents)
}

/// `GeoExt.invoice_total(invoice_id)` -> cents, including credit notes.
pub fn invoice_total(invoice_id: i64) -> Result<i64, Error> {
    let mut conn = BILLING_DB.get().map_err(rb_err)?;
    let row = conn
        .query_one(
            "SELECT COALESCE(SUM(l.amount_cents), 0)::bigint \
                  - COALESCE((SELECT SUM(c.amount_cents) FROM credit_notes c \
                              WHERE c.invoice_id = $1), 0)::bigint \
             FROM invoice_lines l WHERE l.invoice_id = $1",
            &[&invoice_id],
        )
        .map_err(rb_err)?;
    Ok(row.get::<_, i64>(0))
}
