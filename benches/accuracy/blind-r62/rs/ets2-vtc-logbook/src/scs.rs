//! Hand-written subset of the SCS Telemetry SDK headers (scssdk.h, scssdk_telemetry.h,
//! scssdk_telemetry_event.h, gameplay events from scssdk_telemetry_common_gameplay_events.h).
#![allow(non_camel_case_types, dead_code)]

use std::ffi::{c_char, c_void, CStr};

pub type scs_result_t = i32;
pub type scs_u32_t = u32;
pub type scs_string_t = *const c_char;
pub type scs_context_t = *mut c_void;
pub type scs_event_t = u32;
pub type scs_log_type_t = i32;

pub const SCS_RESULT_OK: scs_result_t = 0;
pub const SCS_RESULT_UNSUPPORTED: scs_result_t = -1;
pub const SCS_RESULT_GENERIC_ERROR: scs_result_t = -7;
pub const SCS_TELEMETRY_VERSION_1_01: scs_u32_t = (1 << 16) | 1;

pub const SCS_TELEMETRY_EVENT_FRAME_END: scs_event_t = 2;
pub const SCS_TELEMETRY_EVENT_GAMEPLAY: scs_event_t = 6;

pub const SCS_LOG_TYPE_MESSAGE: scs_log_type_t = 0;
pub const SCS_LOG_TYPE_ERROR: scs_log_type_t = 2;

pub type scs_log_t = unsafe extern "C" fn(type_: scs_log_type_t, message: scs_string_t);
pub type scs_telemetry_event_callback_t =
    unsafe extern "C" fn(event: scs_event_t, event_info: *const c_void, context: scs_context_t);

#[repr(C)]
pub struct scs_sdk_init_params_v100_t {
    pub game_name: scs_string_t,
    pub game_id: scs_string_t,
    pub game_version: scs_u32_t,
    #[cfg(target_pointer_width = "64")]
    pub _padding: scs_u32_t,
    pub log: scs_log_t,
}

#[repr(C)]
pub struct scs_telemetry_init_params_v101_t {
    pub common: scs_sdk_init_params_v100_t,
    pub register_for_event: unsafe extern "C" fn(
        event: scs_event_t,
        callback: scs_telemetry_event_callback_t,
        context: scs_context_t,
    ) -> scs_result_t,
    pub unregister_from_event: unsafe extern "C" fn(event: scs_event_t) -> scs_result_t,
    pub register_for_channel: *const c_void,
    pub unregister_from_channel: *const c_void,
}

#[repr(C)]
pub struct scs_value_t {
    pub type_: scs_u32_t,
    pub _padding: scs_u32_t,
    pub raw: [u64; 5],
}

#[repr(C)]
pub struct scs_named_value_t {
    pub name: scs_string_t,
    pub index: scs_u32_t,
    pub _padding: scs_u32_t,
    pub value: scs_value_t,
}

/// A gameplay event: an id and a null-terminated attribute list.
#[repr(C)]
pub struct scs_telemetry_gameplay_event_t {
    pub id: scs_string_t,
    pub attributes: *const scs_named_value_t,
}

#[derive(Debug, Clone)]
pub enum Attr {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
}

pub unsafe fn gameplay_attributes(event: &scs_telemetry_gameplay_event_t) -> Vec<(String, Attr)> {
    let mut out = Vec::new();
    let mut cursor = event.attributes;
    while !cursor.is_null() && !(*cursor).name.is_null() {
        let nv = &*cursor;
        let raw = nv.value.raw[0];
        let attr = match nv.value.type_ {
            1 => Some(Attr::Bool(raw as u8 != 0)),
            2 => Some(Attr::Int(raw as u32 as i32 as i64)),
            3 => Some(Attr::Int(raw as u32 as i64)),
            4 | 13 => Some(Attr::Int(raw as i64)),
            5 => Some(Attr::Float(f32::from_bits(raw as u32) as f64)),
            6 => Some(Attr::Float(f64::from_bits(raw))),
            12 if raw != 0 => Some(Attr::Str(
                CStr::from_ptr(raw as usize as scs_string_t).to_string_lossy().into_owned(),
            )),
            _ => None,
        };
        if let Some(attr) = attr {
            out.push((CStr::from_ptr(nv.name).to_string_lossy().into_owned(), attr));
        }
        cursor = cursor.add(1);
    }
    out
}
