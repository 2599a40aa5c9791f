#![no_main]
//! Connection URLs: parsed or not, never a panic; what is read back comes from the text.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = connlint::lang::dotenv::is_connection_url(text, &connlint_fuzz::catalog().rs.url_schemes);
    if let Some(u) = connlint::connurl::ParsedUrl::parse(text) {
        for key in ["connection_limit", "maxPoolSize", "pool_max", "pgbouncer", "sslmode"] {
            if let Some(v) = u.param(key) {
                let _ = connlint::pools::parse_count(v);
            }
        }
    }
});
