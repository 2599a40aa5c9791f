use std::env;

use postgres::{Client, NoTls};

/// Opens a connection to the parcel database.
pub fn open_conn() -> Result<Client, postgres::Error> {
    let url = env::var("PARCELS_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://parcels@localhost/parcels".to_string());
    Client::connect(&url, NoTls)
}

pub fn to_py_err(e: postgres::Error) -> pyo3::PyErr {
    pyo3::exceptions::PyRuntimeError::new_err(format!("parcel db: {e}"))
}
