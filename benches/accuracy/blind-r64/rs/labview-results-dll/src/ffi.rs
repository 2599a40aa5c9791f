use std::ffi::{c_char, CStr};

/// LabVIEW passes strings as "C String Pointer"; reject NULL and non-UTF-8.
pub fn str_arg<'a>(ptr: *const c_char) -> Option<&'a str> {
    if ptr.is_null() {
        return None;
    }
    unsafe { CStr::from_ptr(ptr) }.to_str().ok()
}

/// Copy into a caller-allocated buffer of `len` bytes, NUL-terminated; returns bytes written.
pub fn copy_out(msg: &str, buf: *mut c_char, len: i32) -> i32 {
    if buf.is_null() || len <= 0 {
        return 0;
    }
    let n = msg.len().min(len as usize - 1);
    unsafe {
        std::ptr::copy_nonoverlapping(msg.as_ptr() as *const c_char, buf, n);
        *buf.add(n) = 0;
    }
    n as i32
}
