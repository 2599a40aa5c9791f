use std::sync::OnceLock;

use postgres::{Client, NoTls};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde::Deserialize;

use crate::db;

#[derive(Deserialize)]
struct ZoningResponse {
    district: String,
    overlay: Option<String>,
}

static ZONING_HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();

fn zoning_http() -> &'static reqwest::blocking::Client {
    ZONING_HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .user_agent("parcels/0.3")
            .build()
            .expect("zoning http client")
    })
}

/// Returns (situs address, assessed value) for an APN.
#[pyfunction]
pub fn lookup_parcel(py: Python<'_>, apn: &str) -> PyResult<Option<(String, f64)>> {
    let url = std::env::var("PARCELS_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://parcels@localhost/parcels".to_string());
    py.allow_threads(|| {
        let mut client = Client::connect(&url, NoTls).map_err(db::to_py_err)?;
        let row = client
            .query_opt(
                "SELECT situs_address, assessed_value::float8 FROM parcel WHERE apn = $1",
                &[&apn],
            )
            .map_err(db::to_py_err)?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    })
}

/// Owners of record, newest first.
#[pyfunction]
pub fn parcel_owners(py: Python<'_>, apn: &str) -> PyResult<Vec<(String, String)>> {
    py.allow_threads(|| {
        let mut conn = db::open_conn().map_err(db::to_py_err)?;
        let rows = conn
            .query(
                "SELECT owner_name, recorded_on::text FROM ownership \
                 WHERE apn = $1 ORDER BY recorded_on DESC",
                &[&apn],
            )
            .map_err(db::to_py_err)?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    })
}

/// Zoning district from the planning department's API.
#[pyfunction]
pub fn zoning_for(py: Python<'_>, apn: &str) -> PyResult<(String, Option<String>)> {
    let base = std::env::var("ZONING_API").unwrap_or_else(|_| "https://gis.example.gov".into());
    py.allow_threads(|| {
        let resp: ZoningResponse = zoning_http()
            .get(format!("{base}/zoning/{apn}"))
            .send()
            .and_then(|r| r.error_for_status())
            .and_then(|r| r.json())
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        Ok((resp.district, resp.overlay))
    })
}
