extern crate duckdb;
extern crate duckdb_loadable_macros;
extern crate libduckdb_sys;

mod pg;
mod vtab;

use std::error::Error;

use duckdb::Connection;
use duckdb_loadable_macros::duckdb_entrypoint_c_api;

/// Called once when `LOAD erp_scan;` runs in a DuckDB session.
#[duckdb_entrypoint_c_api(ext_name = "erp_scan", min_duckdb_version = "v1.1.0")]
pub unsafe fn extension_entrypoint(con: Connection) -> Result<(), Box<dyn Error>> {
    con.register_table_function::<vtab::OpenOrdersVTab>("erp_open_orders")
        .expect("failed to register erp_open_orders");
    Ok(())
}
