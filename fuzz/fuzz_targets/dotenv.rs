#![no_main]
//! The front-end of `.env`: no panic, no stack overflow, every fact's span inside the text.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| connlint_fuzz::extract(".env", data));
