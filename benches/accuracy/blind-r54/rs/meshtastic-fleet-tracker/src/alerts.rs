//! Depot geofence and dispatcher notifications.

use std::env;
use std::time::Duration;

use serde_json::json;

pub struct Geofence {
    min_lat: f64,
    max_lat: f64,
    min_lon: f64,
    max_lon: f64,
}

impl Geofence {
    /// DEPOT_BBOX="min_lat,min_lon,max_lat,max_lon"
    pub fn from_env() -> anyhow::Result<Self> {
        let raw = env::var("DEPOT_BBOX")?;
        let v: Vec<f64> = raw
            .split(',')
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()?;
        anyhow::ensure!(v.len() == 4, "DEPOT_BBOX needs four numbers");
        Ok(Self { min_lat: v[0], min_lon: v[1], max_lat: v[2], max_lon: v[3] })
    }

    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.min_lat..=self.max_lat).contains(&lat) && (self.min_lon..=self.max_lon).contains(&lon)
    }
}

/// Called for every position report heard from a vehicle that is outside
/// the depot boundary.
pub async fn outside_depot(node: u32, lat: f64, lon: f64) {
    let Ok(url) = env::var("DISPATCH_WEBHOOK") else {
        return;
    };
    let http = match reqwest::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()
    {
        Ok(c) => c,
        Err(err) => {
            tracing::warn!(%err, "http client");
            return;
        }
    };
    let body = json!({
        "text": format!("vehicle !{node:08x} outside depot at {lat:.5},{lon:.5}"),
        "node": node,
    });
    if let Err(err) = http.post(url).json(&body).send().await {
        tracing::warn!(%err, "dispatch webhook failed");
    }
}
