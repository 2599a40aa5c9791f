//! Loadable SQLite extension used by the analysts' notebooks:
//!
//! ```sql
//! .load ./libsqlite_geocode
//! SELECT id, geocode_lat(address), geocode_lon(address) FROM customers;
//! ```
//!
//! The scalar functions run once per row. The geocoder (and its HTTP
//! connection pool) is created once in the entry point when the extension is
//! loaded and shared with every function through the aux pointer.

use sqlite_loadable::prelude::*;
use sqlite_loadable::{api, define_scalar_function_with_aux, Error, FunctionFlags, Result};

mod geocoder;

use geocoder::Geocoder;

fn address_arg(values: &[*mut sqlite3_value]) -> Result<Option<String>> {
    let value = values.first().ok_or_else(|| Error::new_message("address argument required"))?;
    if api::value_type(value) == api::ValueType::Null {
        return Ok(None);
    }
    Ok(Some(api::value_text(value)?.to_string()))
}

pub fn geocode_lat(context: *mut sqlite3_context, values: &[*mut sqlite3_value], geo: &Geocoder) -> Result<()> {
    match address_arg(values)?.and_then(|a| geo.lookup(&a)) {
        Some(hit) => api::result_double(context, hit.lat),
        None => api::result_null(context),
    }
    Ok(())
}

pub fn geocode_lon(context: *mut sqlite3_context, values: &[*mut sqlite3_value], geo: &Geocoder) -> Result<()> {
    match address_arg(values)?.and_then(|a| geo.lookup(&a)) {
        Some(hit) => api::result_double(context, hit.lon),
        None => api::result_null(context),
    }
    Ok(())
}

pub fn geocode_country(context: *mut sqlite3_context, values: &[*mut sqlite3_value], geo: &Geocoder) -> Result<()> {
    match address_arg(values)?.and_then(|a| geo.lookup(&a)) {
        Some(hit) => api::result_text(context, &hit.country)?,
        None => api::result_null(context),
    }
    Ok(())
}

#[sqlite_entrypoint]
pub fn sqlite3_sqlitegeocode_init(db: *mut sqlite3) -> Result<()> {
    let flags = FunctionFlags::UTF8 | FunctionFlags::DETERMINISTIC;
    let geo = Geocoder::from_env().map_err(|e| Error::new_message(&e.to_string()))?;

    define_scalar_function_with_aux(db, "geocode_lat", 1, geocode_lat, flags, geo.clone())?;
    define_scalar_function_with_aux(db, "geocode_lon", 1, geocode_lon, flags, geo.clone())?;
    define_scalar_function_with_aux(db, "geocode_country", 1, geocode_country, flags, geo)?;
    Ok(())
}
