//! C ABI entry points of a Zabbix agent loadable module.
//!
//! zabbix_agentd dlopen()s this library once in every collector process
//! (`LoadModule=zbx_pgmon.so` in zabbix_agentd.conf), calls
//! `zbx_module_init` once, then invokes the item callbacks returned by
//! `zbx_module_item_list` every time the server polls one of the keys.

mod config;
mod items;

use libc::{c_char, c_int, c_uint};
use std::ffi::CStr;

pub const ZBX_MODULE_OK: c_int = 0;
pub const ZBX_MODULE_FAIL: c_int = -1;
pub const ZBX_MODULE_API_VERSION: c_int = 1;
pub const SYSINFO_RET_OK: c_int = 0;
pub const SYSINFO_RET_FAIL: c_int = 1;
pub const CF_HAVEPARAMS: c_uint = 0x01;

pub const AR_UINT64: c_int = 0x01;
pub const AR_DOUBLE: c_int = 0x02;
pub const AR_STRING: c_int = 0x04;
pub const AR_MESSAGE: c_int = 0x20;

#[repr(C)]
pub struct AgentRequest {
    pub key: *mut c_char,
    pub nparam: c_int,
    pub params: *mut *mut c_char,
    pub lastlogsize: u64,
    pub mtime: c_int,
}

#[repr(C)]
pub struct AgentResult {
    pub type_: c_int,
    pub ui64: u64,
    pub dbl: f64,
    pub str_: *mut c_char,
    pub text: *mut c_char,
    pub msg: *mut c_char,
    pub logs: *mut libc::c_void,
}

type ItemFn = unsafe extern "C" fn(*mut AgentRequest, *mut AgentResult) -> c_int;

#[repr(C)]
pub struct ZbxMetric {
    pub key: *const c_char,
    pub flags: c_uint,
    pub function: Option<ItemFn>,
    pub test_param: *const c_char,
}

unsafe impl Sync for ZbxMetric {}

static ITEMS: [ZbxMetric; 4] = [
    ZbxMetric { key: c"pgmon.replication_lag".as_ptr(), flags: CF_HAVEPARAMS, function: Some(items::replication_lag), test_param: c"primary".as_ptr() },
    ZbxMetric { key: c"pgmon.queue_depth".as_ptr(), flags: CF_HAVEPARAMS, function: Some(items::queue_depth), test_param: c"outbox".as_ptr() },
    ZbxMetric { key: c"pgmon.api_health".as_ptr(), flags: 0, function: Some(items::api_health), test_param: std::ptr::null() },
    ZbxMetric { key: std::ptr::null(), flags: 0, function: None, test_param: std::ptr::null() },
];

#[no_mangle]
pub extern "C" fn zbx_module_api_version() -> c_int {
    ZBX_MODULE_API_VERSION
}

#[no_mangle]
pub extern "C" fn zbx_module_init() -> c_int {
    match config::load("/etc/zabbix/pgmon.toml") {
        Ok(()) => ZBX_MODULE_OK,
        Err(e) => {
            eprintln!("zbx_pgmon: cannot load config: {e}");
            ZBX_MODULE_FAIL
        }
    }
}

#[no_mangle]
pub extern "C" fn zbx_module_item_list() -> *const ZbxMetric {
    ITEMS.as_ptr()
}

#[no_mangle]
pub extern "C" fn zbx_module_item_timeout(timeout: c_int) {
    config::set_timeout(timeout);
}

#[no_mangle]
pub extern "C" fn zbx_module_uninit() -> c_int {
    ZBX_MODULE_OK
}

/// `request->params[idx]` as a Rust string, if present.
pub(crate) unsafe fn param(request: *mut AgentRequest, idx: usize) -> Option<String> {
    let req = &*request;
    if idx >= req.nparam as usize {
        return None;
    }
    let p = *req.params.add(idx);
    (!p.is_null()).then(|| CStr::from_ptr(p).to_string_lossy().into_owned())
}

/// The agent frees these strings with free(), so they must come from malloc.
pub(crate) unsafe fn dup(s: &str) -> *mut c_char {
    let c = std::ffi::CString::new(s.replace('\0', " ")).unwrap_or_default();
    libc::strdup(c.as_ptr())
}

pub(crate) unsafe fn set_msg(result: *mut AgentResult, msg: &str) -> c_int {
    (*result).msg = dup(msg);
    (*result).type_ |= AR_MESSAGE;
    SYSINFO_RET_FAIL
}
