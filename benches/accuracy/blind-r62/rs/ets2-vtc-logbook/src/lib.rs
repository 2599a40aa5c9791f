//! Loaded by the game from `bin/win_x64/plugins/`. The game calls `scs_telemetry_init` once
//! at start-up and the registered callbacks on its main thread for the rest of the session.

mod logbook;
mod scs;

use std::ffi::{c_void, CStr, CString};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use scs::*;

static CONFIG: OnceLock<logbook::Config> = OnceLock::new();
static LOG: Mutex<Option<scs_log_t>> = Mutex::new(None);
static FRAMES: AtomicU64 = AtomicU64::new(0);

fn log_line(kind: scs_log_type_t, msg: &str) {
    if let (Some(log), Ok(c)) = (*LOG.lock().unwrap(), CString::new(msg)) {
        unsafe { log(kind, c.as_ptr()) };
    }
}

#[no_mangle]
pub unsafe extern "C" fn scs_telemetry_init(
    version: scs_u32_t,
    params: *const scs_telemetry_init_params_v101_t,
) -> scs_result_t {
    if version != SCS_TELEMETRY_VERSION_1_01 || params.is_null() {
        return SCS_RESULT_UNSUPPORTED;
    }
    let params = &*params;
    *LOG.lock().unwrap() = Some(params.common.log);
    let game_id = CStr::from_ptr(params.common.game_id).to_string_lossy().into_owned();
    match logbook::Config::from_env(&game_id) {
        Ok(cfg) => {
            let _ = CONFIG.set(cfg);
        }
        Err(err) => {
            log_line(SCS_LOG_TYPE_ERROR, &format!("vtc-logbook: {err}"));
            return SCS_RESULT_GENERIC_ERROR;
        }
    }

    let register = params.register_for_event;
    let ctx = std::ptr::null_mut();
    if register(SCS_TELEMETRY_EVENT_GAMEPLAY, on_gameplay, ctx) != SCS_RESULT_OK
        || register(SCS_TELEMETRY_EVENT_FRAME_END, on_frame_end, ctx) != SCS_RESULT_OK
    {
        log_line(SCS_LOG_TYPE_ERROR, "vtc-logbook: event registration failed");
        return SCS_RESULT_GENERIC_ERROR;
    }
    log_line(SCS_LOG_TYPE_MESSAGE, "vtc-logbook: initialised");
    SCS_RESULT_OK
}

#[no_mangle]
pub extern "C" fn scs_telemetry_shutdown() {
    *LOG.lock().unwrap() = None;
}

unsafe extern "C" fn on_frame_end(_event: scs_event_t, _info: *const c_void, _ctx: scs_context_t) {
    FRAMES.fetch_add(1, Ordering::Relaxed);
}

unsafe extern "C" fn on_gameplay(_event: scs_event_t, info: *const c_void, _ctx: scs_context_t) {
    let Some(cfg) = CONFIG.get() else { return };
    let event = &*(info as *const scs_telemetry_gameplay_event_t);
    let id = CStr::from_ptr(event.id).to_string_lossy().into_owned();
    let attrs = gameplay_attributes(event);

    let result = match id.as_str() {
        "job.delivered" => logbook::record_delivery(cfg, &attrs),
        "player.fined" => logbook::announce_fine(cfg, &attrs),
        _ => Ok(()),
    };
    if let Err(err) = result {
        log_line(SCS_LOG_TYPE_ERROR, &format!("vtc-logbook: {id} not logged: {err}"));
    }
}
