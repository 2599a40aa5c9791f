//! Bulk address import driven from `AddressImportJob`:
//!
//! ```ruby
//! id = GeoExt.begin_import(batch.id)
//! batch.rows.each { |r| GeoExt.import_row(id, r.street, r.city, r.postcode) }
//! GeoExt.finish_import(id)
//! ```
//!
//! The rows of one batch are written in a single transaction, so the pooled
//! connection is parked in `OPEN` between Ruby calls.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};

use magnus::Error;
use r2d2::PooledConnection;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

use crate::{geo, rb_err};

type Conn = PooledConnection<PostgresConnectionManager<NoTls>>;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);
static OPEN: LazyLock<Mutex<HashMap<u64, Conn>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn begin_import(batch_id: i64) -> Result<u64, Error> {
    let mut conn = geo::pool().get().map_err(rb_err)?;
    conn.batch_execute("BEGIN").map_err(rb_err)?;
    conn.execute(
        "UPDATE import_batches SET started_at = now() WHERE id = $1",
        &[&batch_id],
    )
    .map_err(rb_err)?;

    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    OPEN.lock().unwrap().insert(id, conn);
    Ok(id)
}

pub fn import_row(id: u64, street: String, city: String, postcode: String) -> Result<(), Error> {
    let mut open = OPEN.lock().unwrap();
    let conn = open
        .get_mut(&id)
        .ok_or_else(|| rb_err(format!("no open import {id}")))?;
    conn.execute(
        "INSERT INTO address_points (street, city, postcode, normalized) \
         VALUES ($1, $2, $3, lower($1 || ' ' || $3 || ' ' || $2))",
        &[&street, &city, &postcode],
    )
    .map_err(rb_err)?;
    Ok(())
}

pub fn finish_import(id: u64) -> Result<(), Error> {
    let mut conn = OPEN
        .lock()
        .unwrap()
        .remove(&id)
        .ok_or_else(|| rb_err(format!("no open import {id}")))?;
    conn.batch_execute("COMMIT").map_err(rb_err)?;
    Ok(())
}
