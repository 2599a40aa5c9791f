#[macro_use]
extern crate rutie;

use std::env;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::{Client, NoTls};
use r2d2_postgres::PostgresConnectionManager;
use rutie::{Class, Integer, Object, RString, VM};
use serde::Deserialize;

type Manager = PostgresConnectionManager<NoTls>;

static POOL: OnceLock<Pool<Manager>> = OnceLock::new();
static AUDIT: OnceLock<Mutex<PooledConnection<Manager>>> = OnceLock::new();

fn database_url() -> String {
    env::var("PRICING_DATABASE_URL").unwrap_or_else(|_| "postgres://pricing@localhost/pricing".into())
}

fn pool() -> &'static Pool<Manager> {
    POOL.get_or_init(|| {
        let manager = PostgresConnectionManager::new(database_url().parse().expect("bad PRICING_DATABASE_URL"), NoTls);
        Pool::builder().max_size(6).build(manager).expect("pricing pool")
    })
}

fn audit_conn() -> &'static Mutex<PooledConnection<Manager>> {
    AUDIT.get_or_init(|| Mutex::new(pool().get().expect("audit connection")))
}

#[derive(Deserialize)]
struct FxRate {
    rate: f64,
}

fn quote_cents(sku: &str, qty: i64, currency: &str) -> Result<i64, String> {
    let mut client = Client::connect(&database_url(), NoTls).map_err(|e| e.to_string())?;
    let row = client
        .query_one("SELECT unit_cents, bulk_threshold, bulk_discount_pct FROM price_list WHERE sku = $1", &[&sku])
        .map_err(|e| e.to_string())?;
    let unit: i64 = row.get(0);
    let threshold: i64 = row.get(1);
    let discount: i32 = row.get(2);

    let mut total = unit * qty;
    if qty >= threshold {
        total -= total * discount as i64 / 100;
    }
    if currency == "USD" {
        return Ok(total);
    }

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .map_err(|e| e.to_string())?;
    let fx: FxRate = http
        .get(format!("https://fx.internal.example.com/v1/rates/USD/{currency}"))
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.json())
        .map_err(|e| e.to_string())?;
    Ok((total as f64 * fx.rate).round() as i64)
}

class!(PricingNative);

methods!(
    PricingNative,
    _rtself,
    fn pricing_quote(sku: RString, qty: Integer, currency: RString) -> Integer {
        let sku = sku.map_err(|e| VM::raise_ex(e)).unwrap().to_string();
        let qty = qty.map_err(|e| VM::raise_ex(e)).unwrap().to_i64();
        let currency = currency.map_err(|e| VM::raise_ex(e)).unwrap().to_string();

        let cents = match quote_cents(&sku, qty, &currency) {
            Ok(c) => c,
            Err(msg) => {
                VM::raise(Class::from_existing("RuntimeError"), &msg);
                unreachable!()
            }
        };
        if let Ok(mut audit) = audit_conn().lock() {
            let _ = audit.execute(
                "INSERT INTO quote_audit (sku, qty, currency, cents) VALUES ($1, $2, $3, $4)",
                &[&sku, &qty, &currency, &cents],
            );
        }
        Integer::new(cents)
    },
    fn pricing_stock_level(sku: RString) -> Integer {
        let sku = sku.map_err(|e| VM::raise_ex(e)).unwrap().to_string();
        let mut conn = pool().get().expect("pricing pool exhausted");
        let on_hand: i64 = conn
            .query_opt("SELECT on_hand FROM stock WHERE sku = $1", &[&sku])
            .ok()
            .flatten()
            .map(|row| row.get(0))
            .unwrap_or(0);
        Integer::new(on_hand)
    }
);

#[allow(non_snake_case)]
#[no_mangle]
pub extern "C" fn Init_pricing_native() {
    Class::new("PricingNative", None).define(|klass| {
        klass.def_self("quote", pricing_quote);
        klass.def_self("stock_level", pricing_stock_level);
    });
}
