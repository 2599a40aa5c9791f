//! Loaded by mosquitto via `plugin /usr/lib/mosquitto/libmosq_fleet_auth.so`.
//! The broker calls basic_auth_cb for every CONNECT and acl_check_cb for every
//! PUBLISH / SUBSCRIBE (and every delivery to a subscriber) on a fleet/ topic.

mod ffi;

use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::ptr;

use ffi::*;
use redis::Commands;

struct Settings {
    identifier: *mut mosquitto_plugin_id_t,
    db_url: String,
    redis_url: String,
    acl_prefix: String,
}

unsafe fn cstr(p: *const c_char) -> String {
    if p.is_null() {
        String::new()
    } else {
        CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

fn log_err(msg: &str) {
    if let Ok(m) = CString::new(msg) {
        unsafe { mosquitto_log_printf(MOSQ_LOG_ERR, c"%s".as_ptr(), m.as_ptr()) };
    }
}

#[no_mangle]
pub unsafe extern "C" fn mosquitto_plugin_version(count: c_int, versions: *const c_int) -> c_int {
    let versions = std::slice::from_raw_parts(versions, count as usize);
    if versions.contains(&5) {
        5
    } else {
        -1
    }
}

#[no_mangle]
pub unsafe extern "C" fn mosquitto_plugin_init(
    identifier: *mut mosquitto_plugin_id_t,
    userdata: *mut *mut c_void,
    opts: *mut mosquitto_opt,
    opt_count: c_int,
) -> c_int {
    let mut settings = Settings {
        identifier,
        db_url: String::new(),
        redis_url: "redis://127.0.0.1/".into(),
        acl_prefix: "fleet/".into(),
    };
    for opt in std::slice::from_raw_parts(opts, opt_count as usize) {
        let value = cstr(opt.value);
        match cstr(opt.key).as_str() {
            "db_url" => settings.db_url = value,
            "redis_url" => settings.redis_url = value,
            "acl_prefix" => settings.acl_prefix = value,
            _ => {}
        }
    }
    if settings.db_url.is_empty() {
        log_err("fleet_auth: plugin_opt_db_url is required");
        return MOSQ_ERR_INVAL;
    }
    let data = Box::into_raw(Box::new(settings)) as *mut c_void;
    *userdata = data;
    let rc = mosquitto_callback_register(identifier, MOSQ_EVT_BASIC_AUTH, basic_auth_cb, ptr::null(), data);
    if rc != MOSQ_ERR_SUCCESS {
        return rc;
    }
    mosquitto_callback_register(identifier, MOSQ_EVT_ACL_CHECK, acl_check_cb, ptr::null(), data)
}

#[no_mangle]
pub unsafe extern "C" fn mosquitto_plugin_cleanup(userdata: *mut c_void, _opts: *mut mosquitto_opt, _opt_count: c_int) -> c_int {
    if userdata.is_null() {
        return MOSQ_ERR_SUCCESS;
    }
    let settings = Box::from_raw(userdata as *mut Settings);
    mosquitto_callback_unregister(settings.identifier, MOSQ_EVT_BASIC_AUTH, basic_auth_cb, ptr::null());
    mosquitto_callback_unregister(settings.identifier, MOSQ_EVT_ACL_CHECK, acl_check_cb, ptr::null());
    MOSQ_ERR_SUCCESS
}

unsafe extern "C" fn basic_auth_cb(_event: c_int, event_data: *mut c_void, userdata: *mut c_void) -> c_int {
    let settings = &*(userdata as *const Settings);
    let ed = &*(event_data as *const mosquitto_evt_basic_auth);
    if ed.username.is_null() || ed.password.is_null() {
        return MOSQ_ERR_PLUGIN_DEFER;
    }
    let username = cstr(ed.username);
    match check_password(settings, &username, &cstr(ed.password)) {
        Ok(true) => MOSQ_ERR_SUCCESS,
        Ok(false) => MOSQ_ERR_AUTH,
        Err(e) => {
            log_err(&format!("fleet_auth: password lookup for {username} failed: {e}"));
            MOSQ_ERR_AUTH
        }
    }
}

fn check_password(s: &Settings, username: &str, password: &str) -> Result<bool, postgres::Error> {
    let mut client = postgres::Client::connect(&s.db_url, postgres::NoTls)?;
    let row = client.query_opt(
        "SELECT 1 FROM fleet_devices
          WHERE username = $1 AND enabled AND password_hash = crypt($2, password_hash)",
        &[&username, &password],
    )?;
    Ok(row.is_some())
}

unsafe extern "C" fn acl_check_cb(_event: c_int, event_data: *mut c_void, userdata: *mut c_void) -> c_int {
    let settings = &*(userdata as *const Settings);
    let ed = &*(event_data as *const mosquitto_evt_acl_check);
    let topic = cstr(ed.topic);
    if !topic.starts_with(&settings.acl_prefix) {
        return MOSQ_ERR_PLUGIN_DEFER;
    }
    let username = mosquitto_client_username(ed.client);
    if username.is_null() {
        return MOSQ_ERR_ACL_DENIED;
    }
    match vehicle_granted(settings, &cstr(username), &topic, ed.access) {
        Ok(true) => MOSQ_ERR_SUCCESS,
        Ok(false) => MOSQ_ERR_ACL_DENIED,
        Err(e) => {
            log_err(&format!("fleet_auth: ACL lookup for {topic} failed: {e}"));
            MOSQ_ERR_ACL_DENIED
        }
    }
}

/// Topics look like fleet/<vehicle-id>/<stream>; the telematics backend keeps the
/// vehicles each device may publish / subscribe for in two Redis sets.
fn vehicle_granted(s: &Settings, username: &str, topic: &str, access: c_int) -> redis::RedisResult<bool> {
    let vehicle = topic[s.acl_prefix.len()..].split('/').next().unwrap_or("");
    let client = redis::Client::open(s.redis_url.as_str())?;
    let mut con = client.get_connection()?;
    let key = if access & MOSQ_ACL_WRITE != 0 {
        format!("fleet:acl:{username}:pub")
    } else {
        format!("fleet:acl:{username}:sub")
    };
    con.sismember(key, vehicle)
}
