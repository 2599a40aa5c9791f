//! Shipping quote engine exported over a C ABI for the Deno checkout service.
//!
//! Every exported function takes a JSON request as (pointer, length) and
//! returns a plain integer, so the host needs no struct marshalling.

use postgres::{Client, NoTls};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::error::Error;
use std::sync::OnceLock;
use std::time::Duration;

type AnyResult<T> = Result<T, Box<dyn Error>>;

#[derive(Deserialize)]
struct QuoteRequest {
    origin_zip: String,
    dest_zip: String,
    weight_grams: u32,
    service: String,
}

#[derive(Deserialize)]
struct SlotRequest {
    depot: String,
    date: String,
    capacity: i64,
}

#[derive(Deserialize)]
struct FuelIndex {
    surcharge_pct: i64,
}

static HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();

fn http() -> &'static reqwest::blocking::Client {
    HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
            .expect("http client")
    })
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} must be set for libshipquote"))
}

fn read_json<T: DeserializeOwned>(ptr: *const u8, len: usize) -> Option<T> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the host passes a live Uint8Array and its byte length.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    serde_json::from_slice(bytes).ok()
}

fn fuel_surcharge_pct(service: &str) -> AnyResult<i64> {
    let url = format!("{}/v1/fuel-index/{service}", env("CARRIER_API_URL"));
    let idx: FuelIndex = http().get(url).send()?.error_for_status()?.json()?;
    Ok(idx.surcharge_pct)
}

fn quote(req: &QuoteRequest) -> AnyResult<i64> {
    let mut db = Client::connect(&env("RATES_DATABASE_URL"), NoTls)?;
    let row = db.query_one(
        "SELECT base_cents, per_kg_cents FROM zone_rates
         WHERE service = $1 AND zone = zone_for($2, $3)",
        &[&req.service, &req.origin_zip, &req.dest_zip],
    )?;
    let base: i64 = row.get(0);
    let per_kg: i64 = row.get(1);
    let kg = (i64::from(req.weight_grams) + 999) / 1000;
    let surcharge = fuel_surcharge_pct(&req.service)?;
    Ok((base + per_kg * kg) * (100 + surcharge) / 100)
}

/// Quote in cents; negative values are error codes.
#[no_mangle]
pub extern "C" fn quote_shipping(ptr: *const u8, len: usize) -> i64 {
    let Some(req) = read_json::<QuoteRequest>(ptr, len) else {
        return -1;
    };
    match quote(&req) {
        Ok(cents) => cents,
        Err(e) => {
            eprintln!("quote_shipping failed: {e}");
            -2
        }
    }
}

fn hold_slot(req: &SlotRequest) -> AnyResult<bool> {
    let client = redis::Client::open(env("SLOTS_REDIS_URL"))?;
    let mut conn = client.get_connection()?;
    let key = format!("pickup:{}:{}", req.depot, req.date);
    let taken: i64 = redis::cmd("INCR").arg(&key).query(&mut conn)?;
    if taken > req.capacity {
        let _: i64 = redis::cmd("DECR").arg(&key).query(&mut conn)?;
        return Ok(false);
    }
    let _: i64 = redis::cmd("EXPIRE").arg(&key).arg(3 * 86_400).query(&mut conn)?;
    Ok(true)
}

/// 1 = slot held, 0 = depot full, negative = error.
#[no_mangle]
pub extern "C" fn hold_pickup_slot(ptr: *const u8, len: usize) -> i32 {
    let Some(req) = read_json::<SlotRequest>(ptr, len) else {
        return -1;
    };
    match hold_slot(&req) {
        Ok(true) => 1,
        Ok(false) => 0,
        Err(e) => {
            eprintln!("hold_pickup_slot failed: {e}");
            -2
        }
    }
}
