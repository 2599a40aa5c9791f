//! C ABI for LabVIEW (see labview/README.txt for the Call Library Function Node settings).
//! Every exported function returns 0 on success, a negative code on failure; the message of the
//! last failure can be fetched with `eol_last_error`.
mod ffi;

use std::cell::RefCell;
use std::ffi::c_char;
use std::sync::OnceLock;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static POOL: OnceLock<PgPool> = OnceLock::new();

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

fn fail(code: i32, msg: impl ToString) -> i32 {
    LAST_ERROR.with(|e| *e.borrow_mut() = msg.to_string());
    code
}

/// Initialize.vi (runs once when the station software starts). Safe to call again: the pool is
/// only created the first time.
#[no_mangle]
pub extern "C" fn eol_init(conninfo: *const c_char) -> i32 {
    if POOL.get().is_some() {
        return 0;
    }
    let Some(conninfo) = ffi::str_arg(conninfo) else { return fail(-1, "conninfo is not valid UTF-8") };
    let manager = match conninfo.parse() {
        Ok(cfg) => PostgresConnectionManager::new(cfg, NoTls),
        Err(e) => return fail(-2, e),
    };
    match Pool::builder().max_size(4).connection_timeout(Duration::from_secs(5)).build(manager) {
        Ok(pool) => {
            let _ = POOL.set(pool);
            0
        }
        Err(e) => fail(-3, e),
    }
}

/// Measure.vi: called inside the test-step loop, once per measured value (hundreds per unit).
#[no_mangle]
pub extern "C" fn eol_record(serial: *const c_char, step: *const c_char, value: f64, low: f64, high: f64) -> i32 {
    let (Some(serial), Some(step)) = (ffi::str_arg(serial), ffi::str_arg(step)) else {
        return fail(-1, "serial/step is not valid UTF-8");
    };
    let Some(pool) = POOL.get() else { return fail(-4, "eol_init has not been called") };
    let mut conn = match pool.get() {
        Ok(c) => c,
        Err(e) => return fail(-5, e),
    };
    let passed = value >= low && value <= high;
    match conn.execute(
        "INSERT INTO measurements (serial, step, value, low_limit, high_limit, passed, measured_at) \
         VALUES ($1, $2, $3, $4, $5, $6, now())",
        &[&serial, &step, &value, &low, &high, &passed],
    ) {
        Ok(_) => i32::from(passed),
        Err(e) => fail(-6, e),
    }
}

/// Finish Unit.vi: verdict for the whole unit, written together with the station id.
#[no_mangle]
pub extern "C" fn eol_finish_unit(serial: *const c_char, station: *const c_char, passed: i32) -> i32 {
    let (Some(serial), Some(station)) = (ffi::str_arg(serial), ffi::str_arg(station)) else {
        return fail(-1, "serial/station is not valid UTF-8");
    };
    let Some(pool) = POOL.get() else { return fail(-4, "eol_init has not been called") };
    let result = (|| -> Result<(), Box<dyn std::error::Error>> {
        let mut conn = pool.get()?;
        let mut tx = conn.transaction()?;
        let failed_steps: i64 = tx
            .query_one("SELECT count(*) FROM measurements WHERE serial = $1 AND NOT passed", &[&serial])?
            .get(0);
        tx.execute(
            "INSERT INTO units (serial, station, passed, failed_steps, finished_at) VALUES ($1, $2, $3, $4, now()) \
             ON CONFLICT (serial) DO UPDATE SET station = $2, passed = $3, failed_steps = $4, finished_at = now()",
            &[&serial, &station, &(passed != 0), &failed_steps],
        )?;
        tx.commit()?;
        Ok(())
    })();
    match result {
        Ok(()) => 0,
        Err(e) => fail(-6, e),
    }
}

/// Error Out.vi: copies the last error message into a LabVIEW string buffer (C String Pointer).
#[no_mangle]
pub extern "C" fn eol_last_error(buf: *mut c_char, len: i32) -> i32 {
    LAST_ERROR.with(|e| ffi::copy_out(&e.borrow(), buf, len))
}
