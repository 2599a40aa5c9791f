//! Python extension module used by the parcel viewer web app.
//!
//! The Django views call these functions on every page load, e.g.
//! `parcels.lookup_parcel(apn)` in `viewer/views.py`.

use pyo3::prelude::*;

mod api;
mod db;
mod geocode;

#[pymodule]
fn parcels(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(api::lookup_parcel, m)?)?;
    m.add_function(wrap_pyfunction!(api::parcel_owners, m)?)?;
    m.add_function(wrap_pyfunction!(api::zoning_for, m)?)?;
    m.add_class::<geocode::Geocoder>()?;
    Ok(())
}
