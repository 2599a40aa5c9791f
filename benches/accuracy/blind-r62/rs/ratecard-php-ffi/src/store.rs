use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use once_cell::sync::{Lazy, OnceCell};
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use serde::Deserialize;

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// One pool per PHP-FPM worker process; the library stays loaded for the worker's lifetime.
static POOL: OnceCell<PgPool> = OnceCell::new();

static AGENT: Lazy<ureq::Agent> = Lazy::new(|| {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(2))
        .max_idle_connections_per_host(2)
        .build()
});

static FUEL_CACHE: Lazy<Mutex<HashMap<String, (Instant, f64)>>> = Lazy::new(|| Mutex::new(HashMap::new()));
const FUEL_TTL: Duration = Duration::from_secs(900);

thread_local! {
    static LAST_ERROR: RefCell<Option<String>> = const { RefCell::new(None) };
}

pub fn set_last_error(msg: String) {
    LAST_ERROR.with(|e| *e.borrow_mut() = Some(msg));
}

pub fn take_last_error() -> Option<String> {
    LAST_ERROR.with(|e| e.borrow_mut().take())
}

fn pool() -> Result<&'static PgPool, Box<dyn Error>> {
    POOL.get_or_try_init(|| {
        let dsn = std::env::var("RATECARD_DSN")?;
        let manager = PostgresConnectionManager::new(dsn.parse()?, NoTls);
        let pool = Pool::builder()
            .max_size(2)
            .connection_timeout(Duration::from_secs(2))
            .build(manager)?;
        Ok::<_, Box<dyn Error>>(pool)
    })
}

#[derive(Deserialize)]
struct FuelIndex {
    surcharge_pct: f64,
}

fn fuel_surcharge(carrier: &str) -> Result<f64, Box<dyn Error>> {
    if let Some((at, pct)) = FUEL_CACHE.lock().unwrap().get(carrier) {
        if at.elapsed() < FUEL_TTL {
            return Ok(*pct);
        }
    }
    let base = std::env::var("CARRIER_API").unwrap_or_else(|_| "https://carriers.internal".into());
    let index: FuelIndex = AGENT
        .get(&format!("{base}/v2/fuel-index/{carrier}"))
        .call()?
        .into_json()?;
    FUEL_CACHE
        .lock()
        .unwrap()
        .insert(carrier.to_string(), (Instant::now(), index.surcharge_pct));
    Ok(index.surcharge_pct)
}

/// Price in cents and transit days for a lane, or `None` when the lane is not served.
pub fn quote(origin: &str, destination: &str, weight_grams: i64) -> Result<Option<(i64, i32)>, Box<dyn Error>> {
    let mut conn = pool()?.get()?;
    let Some(row) = conn.query_opt(
        "SELECT base_cents, per_kg_cents, transit_days, carrier_code FROM lane_rates \
         WHERE origin = $1 AND destination = $2 AND active",
        &[&origin, &destination],
    )?
    else {
        return Ok(None);
    };
    let base: i64 = row.get(0);
    let per_kg: i64 = row.get(1);
    let days: i32 = row.get(2);
    let carrier: String = row.get(3);
    drop(conn);

    let kg = (weight_grams as f64 / 1000.0).ceil();
    let surcharge = fuel_surcharge(&carrier)?;
    let price = ((base as f64 + per_kg as f64 * kg) * (1.0 + surcharge / 100.0)).round() as i64;
    Ok(Some((price, days)))
}
