//! Native pricing helpers loaded into the Deno storefront through FFI.
//! `deno_bindgen --release` generates bindings/bindings.ts from the
//! #[deno_bindgen] items below; server.ts calls them on every request.

use deno_bindgen::deno_bindgen;
use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use std::sync::OnceLock;
use std::time::Duration;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

static POOL: OnceLock<PgPool> = OnceLock::new();

fn dsn() -> String {
    std::env::var("PRICING_PG_DSN")
        .unwrap_or_else(|_| "host=pricing-db user=storefront dbname=pricing".to_owned())
}

fn pool() -> &'static PgPool {
    POOL.get_or_init(|| {
        let manager = PostgresConnectionManager::new(dsn().parse().expect("dsn"), NoTls);
        r2d2::Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(3))
            .build(manager)
            .expect("pricing pool")
    })
}

/// VAT rate in basis points for a shipping region, e.g. 1900 for DE.
#[deno_bindgen]
fn tax_rate_bp(region: &str) -> i32 {
    let Ok(mut conn) = pool().get() else {
        return -1;
    };
    match conn.query_opt("SELECT rate_bp FROM vat_rates WHERE region = $1", &[&region]) {
        Ok(Some(row)) => row.get(0),
        _ => -1,
    }
}

/// Price in cents for `qty` units of `sku`, after volume tiers.
#[deno_bindgen]
fn quote_cents(sku: &str, qty: u32) -> i64 {
    let mut db = match postgres::Client::connect(&dsn(), NoTls) {
        Ok(db) => db,
        Err(_) => return -1,
    };
    let list: i64 = match db.query_opt("SELECT list_cents FROM prices WHERE sku = $1", &[&sku]) {
        Ok(Some(row)) => row.get(0),
        _ => return -1,
    };
    let qty = qty as i32;
    let discount_bp: i32 = db
        .query_opt(
            "SELECT discount_bp FROM volume_tiers WHERE sku = $1 AND min_qty <= $2 \
             ORDER BY min_qty DESC LIMIT 1",
            &[&sku, &qty],
        )
        .ok()
        .flatten()
        .map(|row| row.get(0))
        .unwrap_or(0);
    list * qty as i64 * (10_000 - discount_bp as i64) / 10_000
}

#[derive(serde::Deserialize)]
struct SupplierStock {
    available: i32,
}

/// Units the drop-ship supplier reports as available, or -1 if unknown.
#[deno_bindgen]
fn supplier_stock(sku: &str) -> i32 {
    let http = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
    {
        Ok(c) => c,
        Err(_) => return -1,
    };
    http.get(format!("https://api.dropship.example/v1/stock/{sku}"))
        .bearer_auth(std::env::var("DROPSHIP_TOKEN").unwrap_or_default())
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.json::<SupplierStock>())
        .map(|s| s.available)
        .unwrap_or(-1)
}
