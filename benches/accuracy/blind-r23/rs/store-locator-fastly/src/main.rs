//! Fastly Compute service: one Wasm instance per request. Backend requests go
//! through the host's connection pooling; KV / config / secret store handles
//! are opened per request as documented.

use fastly::http::{Method, StatusCode};
use fastly::kv_store::{KVStore, KVStoreError};
use fastly::{ConfigStore, Error, Request, Response, SecretStore};

mod stores;

use stores::{nearest, Store};

const CATALOG_BACKEND: &str = "catalog_origin";
const ANALYTICS_BACKEND: &str = "analytics";

#[fastly::main]
fn main(req: Request) -> Result<Response, Error> {
    match (req.get_method(), req.get_path()) {
        (&Method::GET, "/stores") => stores_near(req),
        (&Method::POST, "/events") => forward_event(req),
        (&Method::GET, "/healthz") => Ok(Response::from_status(StatusCode::NO_CONTENT)),
        _ => Ok(Response::from_status(StatusCode::NOT_FOUND).with_body_text_plain("not found\n")),
    }
}

fn stores_near(req: Request) -> Result<Response, Error> {
    let settings = ConfigStore::open("edge_settings");
    let ttl: u32 = settings.get("stores_ttl").and_then(|v| v.parse().ok()).unwrap_or(300);
    let max_results: usize = settings.get("max_results").and_then(|v| v.parse().ok()).unwrap_or(10);

    let geo = req
        .get_client_ip_addr()
        .and_then(fastly::geo::geo_lookup);
    let (country, lat, lon) = match &geo {
        Some(g) => (g.country_code().to_string(), g.latitude(), g.longitude()),
        None => ("DE".to_string(), 52.52, 13.40),
    };

    let stores = match cached_stores(&country)? {
        Some(stores) => stores,
        None => fetch_stores(&country, ttl)?,
    };

    let body = nearest(stores, lat, lon, max_results);
    Ok(Response::from_status(StatusCode::OK)
        .with_header("cache-control", format!("private, max-age={}", ttl / 5))
        .with_body_json(&body)?)
}

fn cached_stores(country: &str) -> Result<Option<Vec<Store>>, Error> {
    let Some(kv) = KVStore::open("stores_by_country")? else {
        return Ok(None);
    };
    match kv.lookup(country) {
        Ok(mut found) => {
            let raw = found.take_body().into_string();
            Ok(serde_json::from_str(&raw).ok())
        }
        Err(KVStoreError::ItemNotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

fn fetch_stores(country: &str, ttl: u32) -> Result<Vec<Store>, Error> {
    let secrets = SecretStore::open("partner_keys")?;
    let api_key = secrets
        .get("catalog_api_key")
        .map(|s| String::from_utf8_lossy(&s.plaintext()).into_owned())
        .unwrap_or_default();

    let mut resp = Request::get(format!("https://catalog.example.com/api/v3/stores?country={country}"))
        .with_header("x-api-key", api_key)
        .with_ttl(ttl)
        .send(CATALOG_BACKEND)?;

    if !resp.get_status().is_success() {
        return Ok(Vec::new());
    }
    Ok(resp.take_body_json::<Vec<Store>>()?)
}

fn forward_event(mut req: Request) -> Result<Response, Error> {
    let body = req.take_body_bytes();
    if body.len() > 16 * 1024 {
        return Ok(Response::from_status(StatusCode::PAYLOAD_TOO_LARGE));
    }

    let upstream = Request::post("https://collect.example.com/v1/store-locator")
        .with_header("content-type", "application/json")
        .with_body(body)
        .send(ANALYTICS_BACKEND)?;

    Ok(Response::from_status(upstream.get_status()))
}
