#![no_main]
//! The language server's framing and dispatch: an `initialize` frame, then the input as the
//! client's bytes (frames, headers, JSON, garbage), then `shutdown` and `exit`. The session must
//! end without a panic, and every frame the server writes must be a JSON-RPC message.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    connlint_fuzz::lsp_session(data);
});
