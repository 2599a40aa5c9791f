//! `geocode(address)` scalar function backed by the geocoding API. SQLite
//! calls it once per row; the HTTP client is shared and results are cached
//! so duplicate addresses in the export only cost one request.

use std::collections::HashMap;
use std::sync::Mutex;

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use serde::Deserialize;

const GEOCODER_URL: &str = "https://geocoder.internal.example/v1/search";

#[derive(Deserialize)]
struct Hit {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct SearchResponse {
    results: Vec<Hit>,
}

pub fn register(conn: &Connection, http: reqwest::blocking::Client, api_key: String) -> rusqlite::Result<()> {
    let cache: Mutex<HashMap<String, Option<String>>> = Mutex::new(HashMap::new());

    conn.create_scalar_function(
        "geocode",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        move |ctx| {
            let address: String = ctx.get(0)?;
            if let Some(hit) = cache.lock().unwrap().get(&address) {
                return Ok(hit.clone());
            }
            let result = http
                .get(GEOCODER_URL)
                .query(&[("q", address.as_str()), ("limit", "1")])
                .bearer_auth(&api_key)
                .send()
                .and_then(|r| r.error_for_status())
                .and_then(|r| r.json::<SearchResponse>());
            let geo = match result {
                Ok(resp) => resp
                    .results
                    .first()
                    .map(|h| format!("{{\"lat\":{},\"lon\":{}}}", h.lat, h.lon)),
                Err(e) => {
                    eprintln!("geocoding failed for {address:?}: {e}");
                    None
                }
            };
            cache.lock().unwrap().insert(address, geo.clone());
            Ok(geo)
        },
    )
}
