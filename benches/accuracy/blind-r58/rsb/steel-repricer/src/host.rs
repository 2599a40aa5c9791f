//! Rust functions exposed to the pricing strategy script.
//! Clients are created once in main and moved into the closures;
//! each call only borrows a pooled connection or clones a cheap handle.

use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use serde::Deserialize;
use steel::steel_vm::engine::Engine;
use steel::steel_vm::register_fn::RegisterFn;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

#[derive(Deserialize)]
struct Offer {
    price: f64,
}

#[derive(Deserialize)]
struct OfferList {
    offers: Vec<Offer>,
}

pub fn register(engine: &mut Engine, pool: PgPool, http: reqwest::blocking::Client, market_api: String) {
    let stock_pool = pool.clone();
    engine.register_fn("stock-on-hand", move |sku: String| -> isize {
        let Ok(mut conn) = stock_pool.get() else {
            return 0;
        };
        conn.query_opt("SELECT on_hand FROM stock WHERE sku = $1", &[&sku])
            .ok()
            .flatten()
            .map(|row| row.get::<_, i32>(0) as isize)
            .unwrap_or(0)
    });

    let floor_pool = pool;
    engine.register_fn("price-floor", move |sku: String| -> f64 {
        let Ok(mut conn) = floor_pool.get() else {
            return f64::MAX;
        };
        conn.query_opt("SELECT landed_cost * 1.08 FROM products WHERE sku = $1", &[&sku])
            .ok()
            .flatten()
            .map(|row| row.get::<_, f64>(0))
            .unwrap_or(f64::MAX)
    });

    engine.register_fn("lowest-competitor", move |sku: String| -> f64 {
        let res = http
            .get(format!("{market_api}/v2/items/{sku}/offers"))
            .send()
            .and_then(|r| r.error_for_status())
            .and_then(|r| r.json::<OfferList>());
        match res {
            Ok(list) => list.offers.iter().map(|o| o.price).fold(f64::MAX, f64::min),
            Err(err) => {
                log::warn!("offer lookup for {sku} failed: {err}");
                f64::MAX
            }
        }
    });
}
