//! Thin client for the internal geocoding service with an in-process memo.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Hit {
    pub lat: f64,
    pub lon: f64,
    pub country: String,
}

#[derive(Deserialize)]
struct SearchResponse {
    results: Vec<Hit>,
}

/// Cheap to clone: the HTTP client and memo are shared.
#[derive(Clone)]
pub struct Geocoder {
    http: reqwest::blocking::Client,
    base_url: String,
    memo: Arc<Mutex<HashMap<String, Option<Hit>>>>,
}

impl Geocoder {
    pub fn from_env() -> reqwest::Result<Self> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(4))
            .pool_max_idle_per_host(4)
            .build()?;
        Ok(Self {
            http,
            base_url: std::env::var("GEOCODER_URL")
                .unwrap_or_else(|_| "http://geocoder.internal:8080".to_string()),
            memo: Arc::new(Mutex::new(HashMap::new())),
        })
    }

    /// One row -> at most one HTTP call; repeated addresses hit the memo.
    pub fn lookup(&self, address: &str) -> Option<Hit> {
        let key = address.trim().to_lowercase();
        if let Some(cached) = self.memo.lock().unwrap().get(&key) {
            return cached.clone();
        }

        let hit = self
            .http
            .get(format!("{}/v1/search", self.base_url))
            .query(&[("q", key.as_str()), ("limit", "1")])
            .send()
            .and_then(|r| r.error_for_status())
            .and_then(|r| r.json::<SearchResponse>())
            .ok()
            .and_then(|r| r.results.into_iter().next());

        self.memo.lock().unwrap().insert(key, hit.clone());
        hit
    }
}
