//! Store locator on astra (blocking hyper server, one thread per request).

mod state;

use std::sync::Arc;

use astra::{Body, ConnectionInfo, Request, Response, ResponseBuilder, Server};
use diesel::prelude::*;
use diesel::sql_types::{Double, Text};
use redis::Commands;
use serde::{Deserialize, Serialize};

use state::AppState;

#[derive(QueryableByName, Serialize)]
struct Store {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Double)]
    distance_km: f64,
}

#[derive(Deserialize)]
struct Geo {
    lat: f64,
    lon: f64,
}

fn json(status: u16, body: String) -> Response {
    ResponseBuilder::new()
        .status(status)
        .header("Content-Type", "application/json")
        .body(Body::new(body))
        .unwrap()
}

fn nearby(state: &AppState, postcode: &str) -> Result<Vec<Store>, String> {
    let mut cache = state::redis().get().map_err(|e| e.to_string())?;
    if let Ok(Some(hit)) = cache.get::<_, Option<String>>(format!("near:{postcode}")) {
        return serde_json::from_str(&hit).map_err(|e| e.to_string());
    }

    let geo: Geo = state
        .http
        .get(format!("{}/postcodes/{postcode}", state.geo_api))
        .send()
        .and_then(|r| r.json())
        .map_err(|e| e.to_string())?;

    let mut conn = state.db.get().map_err(|e| e.to_string())?;
    let stores: Vec<Store> = diesel::sql_query(
        "SELECT name, earth_distance(ll_to_earth($1, $2), ll_to_earth(lat, lon)) / 1000 AS distance_km \
         FROM stores ORDER BY distance_km LIMIT 5",
    )
    .bind::<Double, _>(geo.lat)
    .bind::<Double, _>(geo.lon)
    .load(&mut conn)
    .map_err(|e| e.to_string())?;

    let _: Result<(), _> = cache.set_ex(format!("near:{postcode}"), serde_json::to_string(&stores).unwrap(), 600);
    Ok(stores)
}

fn route(req: Request, _info: ConnectionInfo, state: &AppState) -> Response {
    let path = req.uri().path().to_string();
    match path.strip_prefix("/stores/near/") {
        Some(postcode) if !postcode.is_empty() => match nearby(state, postcode) {
            Ok(stores) => json(200, serde_json::to_string(&stores).unwrap()),
            Err(e) => json(502, format!("{{\"error\":{:?}}}", e)),
        },
        _ => json(404, "{\"error\":\"not found\"}".into()),
    }
}

fn main() {
    let state = Arc::new(AppState::init());
    Server::bind("0.0.0.0:3000")
        .serve(move |req, info| route(req, info, &state))
        .expect("server failed");
}
