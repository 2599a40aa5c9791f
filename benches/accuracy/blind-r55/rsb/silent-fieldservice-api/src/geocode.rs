//! Address geocoding through the internal maps service. The HTTP client is created
//! lazily on first use and then shared by all requests.

use std::sync::OnceLock;
use std::time::Duration;

use serde::Deserialize;

static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(4))
            .pool_max_idle_per_host(8)
            .build()
            .expect("reqwest client")
    })
}

#[derive(Deserialize)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

pub async fn lookup(address: &str) -> Option<Point> {
    let base = std::env::var("MAPS_URL").unwrap_or_else(|_| "http://maps.internal:8088".into());
    let resp = http()
        .get(format!("{base}/v1/geocode"))
        .query(&[("q", address)])
        .send()
        .await
        .ok()?;
    if !resp.status().is_success() {
        tracing::warn!(status = %resp.status(), "geocoder refused {address}");
        return None;
    }
    resp.json::<Point>().await.ok()
}
