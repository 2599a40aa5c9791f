//! Hand-written bindings for the parts of mosquitto_broker.h / mosquitto_plugin.h we use (plugin API v5).
#![allow(non_camel_case_types)]

use std::ffi::{c_char, c_int, c_void};

#[repr(C)]
pub struct mosquitto {
    _private: [u8; 0],
}

#[repr(C)]
pub struct mosquitto_plugin_id_t {
    _private: [u8; 0],
}

#[repr(C)]
pub struct mosquitto_property {
    _private: [u8; 0],
}

#[repr(C)]
pub struct mosquitto_opt {
    pub key: *mut c_char,
    pub value: *mut c_char,
}

#[repr(C)]
pub struct mosquitto_evt_basic_auth {
    pub future: *mut c_void,
    pub client: *mut mosquitto,
    pub username: *mut c_char,
    pub password: *mut c_char,
    pub future2: [*mut c_void; 4],
}

#[repr(C)]
pub struct mosquitto_evt_acl_check {
    pub future: *mut c_void,
    pub client: *mut mosquitto,
    pub topic: *const c_char,
    pub payload: *const c_void,
    pub properties: *mut mosquitto_property,
    pub access: c_int,
    pub payloadlen: u32,
    pub qos: u8,
    pub retain: bool,
    pub future2: [*mut c_void; 4],
}

pub type MosqGenericCallback = unsafe extern "C" fn(event: c_int, event_data: *mut c_void, userdata: *mut c_void) -> c_int;

pub const MOSQ_EVT_ACL_CHECK: c_int = 2;
pub const MOSQ_EVT_BASIC_AUTH: c_int = 3;

pub const MOSQ_ERR_SUCCESS: c_int = 0;
pub const MOSQ_ERR_INVAL: c_int = 3;
pub const MOSQ_ERR_AUTH: c_int = 11;
pub const MOSQ_ERR_ACL_DENIED: c_int = 12;
pub const MOSQ_ERR_PLUGIN_DEFER: c_int = 17;

pub const MOSQ_ACL_WRITE: c_int = 0x02;
pub const MOSQ_LOG_ERR: c_int = 0x08;

extern "C" {
    pub fn mosquitto_callback_register(
        identifier: *mut mosquitto_plugin_id_t,
        event: c_int,
        cb_func: MosqGenericCallback,
        event_data: *const c_void,
        userdata: *mut c_void,
    ) -> c_int;
    pub fn mosquitto_callback_unregister(
        identifier: *mut mosquitto_plugin_id_t,
        event: c_int,
        cb_func: MosqGenericCallback,
        event_data: *const c_void,
    ) -> c_int;
    pub fn mosquitto_client_username(client: *const mosquitto) -> *const c_char;
    pub fn mosquitto_log_printf(level: c_int, fmt: *const c_char, ...);
}
