//! C ABI used by the Go storefront (cgo). `ratecard_init` is called once
//! from the Go main; `ratecard_quote` is called from the Go HTTP handler for
//! every /quote request.

mod config;
mod db;

use std::ffi::{c_char, CStr, CString};
use std::time::Duration;

use serde::Deserialize;

#[derive(Deserialize)]
struct FxRate {
    rate: f64,
}

#[no_mangle]
pub extern "C" fn ratecard_init() -> i32 {
    config::init();
    0
}

fn quote(sku: &str, qty: i32, currency: &str) -> Result<String, String> {
    let mut client = db::connect().map_err(|e| e.to_string())?;
    let row = client
        .query_one(
            "SELECT unit_cents, tier_break, tier_discount FROM price_list WHERE sku = $1",
            &[&sku],
        )
        .map_err(|e| e.to_string())?;
    let unit_cents: i64 = row.get(0);
    let tier_break: i32 = row.get(1);
    let tier_discount: f64 = row.get(2);

    let mut total = unit_cents as f64 * qty as f64;
    if qty >= tier_break {
        total *= 1.0 - tier_discount;
    }

    if currency != "USD" {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
            .map_err(|e| e.to_string())?;
        let fx: FxRate = http
            .get(&config::get().fx_url)
            .query(&[("from", "USD"), ("to", currency)])
            .send()
            .and_then(|r| r.error_for_status())
            .and_then(|r| r.json())
            .map_err(|e| e.to_string())?;
        total *= fx.rate;
    }

    Ok(serde_json::json!({ "sku": sku, "qty": qty, "currency": currency, "total_cents": total.round() as i64 })
        .to_string())
}

/// Returns a heap-allocated JSON string; free it with `ratecard_free`.
#[no_mangle]
pub extern "C" fn ratecard_quote(sku: *const c_char, qty: i32, currency: *const c_char) -> *mut c_char {
    let sku = unsafe { CStr::from_ptr(sku) }.to_string_lossy().into_owned();
    let currency = unsafe { CStr::from_ptr(currency) }.to_string_lossy().into_owned();
    let out = match quote(&sku, qty, &currency) {
        Ok(json) => json,
        Err(e) => serde_json::json!({ "error": e }).to_string(),
    };
    CString::new(out).unwrap_or_default().into_raw()
}

#[no_mangle]
pub extern "C" fn ratecard_free(s: *mut c_char) {
    if !s.is_null() {
        unsafe { drop(CString::from_raw(s)) };
    }
}
