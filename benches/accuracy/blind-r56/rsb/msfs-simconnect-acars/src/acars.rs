//! Position reports to the VA live map. One HTTP client for the whole session.

use std::time::Duration;

use reqwest::blocking::Client;
use serde::Serialize;

const LIVE_MAP: &str = "https://flyvirtual.example/api/acars";

#[derive(Serialize)]
struct Position {
    pilot_id: i32,
    flight_id: i64,
    lat: f64,
    lon: f64,
    alt_ft: f64,
    gs_kt: f64,
}

pub struct Acars {
    http: Client,
    pilot_id: i32,
}

impl Acars {
    pub fn new(pilot_id: i32) -> reqwest::Result<Self> {
        let http = Client::builder()
            .timeout(Duration::from_secs(5))
            .user_agent(concat!("va-acars/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Acars { http, pilot_id })
    }

    pub fn position(&self, flight_id: i64, lat: f64, lon: f64, alt_ft: f64, gs_kt: f64) {
        let body = Position { pilot_id: self.pilot_id, flight_id, lat, lon, alt_ft, gs_kt };
        if let Err(e) = self.http.post(format!("{LIVE_MAP}/position")).json(&body).send() {
            eprintln!("live map update failed: {e}");
        }
    }

    pub fn flight_closed(&self, flight_id: i64) {
        let _ = self
            .http
            .post(format!("{LIVE_MAP}/flights/{flight_id}/close"))
            .json(&close_body(self.pilot_id))
            .send();
    }
}

fn close_body(pilot_id: i32) -> std::collections::HashMap<&'static str, i32> {
    std::collections::HashMap::from([("pilot_id", pilot_id)])
}
