//! Calls to the treasury services through wasi:http.
//!
//! `wstd::http::Client` is only a bag of timeout options around the host's
//! `outgoing-handler::handle`; it holds no sockets and no pool.

use std::time::Duration;

use anyhow::{ensure, Result};
use serde::Deserialize;
use wstd::http::{Body, Client, Request};

#[derive(Deserialize)]
pub struct MidRate {
    pub rate: f64,
    pub source: String,
}

#[derive(Deserialize)]
struct SpreadRule {
    spread_bps: u32,
}

fn client() -> Client {
    let mut client = Client::new();
    client.set_connect_timeout(Duration::from_millis(500));
    client.set_first_byte_timeout(Duration::from_secs(2));
    client
}

pub async fn mid_rate(base: &str, from: &str, to: &str) -> Result<MidRate> {
    let req = Request::get(format!("{base}/v1/mid/{from}{to}")).body(Body::empty())?;
    let mut resp = client().send(req).await?;
    ensure!(resp.status().is_success(), "rates service answered {}", resp.status());
    resp.body_mut().json::<MidRate>().await
}

pub async fn desk_spread(base: &str, desk: &str, from: &str, to: &str, amount: f64) -> Result<u32> {
    let req = Request::get(format!(
        "{base}/v1/desks/{desk}/spread?pair={from}{to}&notional={amount}"
    ))
    .body(Body::empty())?;
    let mut resp = client().send(req).await?;
    ensure!(resp.status().is_success(), "limits service answered {}", resp.status());
    Ok(resp.body_mut().json::<SpreadRule>().await?.spread_bps)
}
