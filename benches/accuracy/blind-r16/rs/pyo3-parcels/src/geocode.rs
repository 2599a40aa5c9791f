use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Hit {
    lat: f64,
    lon: f64,
}

/// Instantiated once per Django worker in `viewer/apps.py` (`Geocoder(settings.GEOCODER_URL)`),
/// `geocode` is then called from the search view.
#[pyclass]
pub struct Geocoder {
    base_url: String,
}

#[pymethods]
impl Geocoder {
    #[new]
    fn new(base_url: String) -> Self {
        Geocoder { base_url }
    }

    fn geocode(&self, py: Python<'_>, address: &str) -> PyResult<Option<(f64, f64)>> {
        let url = format!("{}/search", self.base_url);
        py.allow_threads(|| {
            let http = reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
            let hits: Vec<Hit> = http
                .get(&url)
                .query(&[("q", address), ("format", "json"), ("limit", "1")])
                .send()
                .and_then(|r| r.json())
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
            Ok(hits.first().map(|h| (h.lat, h.lon)))
        })
    }
}
