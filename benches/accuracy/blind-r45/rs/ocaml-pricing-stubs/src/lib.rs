//! Pricing stubs called from OCaml. `pricing_init` runs once when the
//! storefront boots; `price_quote` / `price_history` run on every HTTP request
//! that the Dream router sends to the pricing endpoints.

use std::env;
use std::sync::{Mutex, OnceLock};

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use redis::Commands;
use serde_json::json;

type Manager = PostgresConnectionManager<NoTls>;

static POOL: OnceLock<Pool<Manager>> = OnceLock::new();
static HOT: OnceLock<Mutex<PooledConnection<Manager>>> = OnceLock::new();

fn pool() -> Result<&'static Pool<Manager>, ocaml::Error> {
    POOL.get().ok_or(ocaml::Error::Message("pricing_init was not called"))
}

/// A connection kept checked out for the hot quote path, so quotes never wait
/// on the pool.
fn hot_conn() -> Result<&'static Mutex<PooledConnection<Manager>>, ocaml::Error> {
    if let Some(conn) = HOT.get() {
        return Ok(conn);
    }
    let conn = pool()?.get()?;
    Ok(HOT.get_or_init(|| Mutex::new(conn)))
}

fn redis_url() -> String {
    env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_string())
}

#[ocaml::func]
#[ocaml::sig("string -> unit")]
pub fn pricing_init(database_url: &str) -> Result<(), ocaml::Error> {
    if POOL.get().is_some() {
        return Ok(());
    }
    let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
    let pool = Pool::builder().max_size(8).build(manager)?;
    let _ = POOL.set(pool);
    Ok(())
}

#[ocaml::func]
#[ocaml::sig("string -> int -> string")]
pub fn price_quote(sku: &str, qty: ocaml::Int) -> Result<String, ocaml::Error> {
    let key = format!("quote:{sku}:{qty}");

    let cache = redis::Client::open(redis_url())?;
    let mut con = cache.get_connection()?;
    if let Some(hit) = con.get::<_, Option<String>>(&key)? {
        return Ok(hit);
    }

    let row = {
        let mut db = hot_conn()?
            .lock()
            .map_err(|_| ocaml::Error::Message("hot connection poisoned"))?;
        db.query_one(
            "SELECT p.unit_cents, COALESCE(MAX(t.discount_pct), 0)
               FROM prices p
               LEFT JOIN volume_tiers t ON t.sku = p.sku AND t.min_qty <= $2
              WHERE p.sku = $1
              GROUP BY p.unit_cents",
            &[&sku, &(qty as i64)],
        )?
    };
    let unit: i64 = row.get(0);
    let discount: i32 = row.get(1);
    let total = unit * qty as i64 * (100 - discount as i64) / 100;

    let body = json!({ "sku": sku, "qty": qty, "unit_cents": unit, "discount_pct": discount, "total_cents": total })
        .to_string();
    let _: () = con.set_ex(&key, &body, 60)?;
    Ok(body)
}

#[ocaml::func]
#[ocaml::sig("string -> string")]
pub fn price_history(sku: &str) -> Result<String, ocaml::Error> {
    let mut conn = pool()?.get()?;
    let rows = conn.query(
        "SELECT to_char(valid_from, 'YYYY-MM-DD'), unit_cents FROM price_history WHERE sku = $1 ORDER BY valid_from",
        &[&sku],
    )?;
    let points: Vec<_> = rows
        .iter()
        .map(|r| json!({ "from": r.get::<_, String>(0), "unit_cents": r.get::<_, i64>(1) }))
        .collect();
    Ok(json!({ "sku": sku, "history": points }).to_string())
}
