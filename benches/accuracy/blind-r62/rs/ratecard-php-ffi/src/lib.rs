//! C ABI consumed by `php/RateCard.php` through PHP FFI (preloaded by opcache in every FPM worker).

use safer_ffi::prelude::*;

mod store;

#[derive_ReprC]
#[repr(C)]
pub struct Quote {
    pub ok: bool,
    pub price_cents: i64,
    pub transit_days: i32,
}

impl Quote {
    fn unavailable() -> Self {
        Quote { ok: false, price_cents: 0, transit_days: 0 }
    }
}

/// Called by the checkout page for every cart recalculation.
#[ffi_export]
fn ratecard_quote(origin: char_p::Ref<'_>, destination: char_p::Ref<'_>, weight_grams: i64) -> Quote {
    match store::quote(origin.to_str(), destination.to_str(), weight_grams) {
        Ok(Some((price_cents, transit_days))) => Quote { ok: true, price_cents, transit_days },
        Ok(None) => {
            store::set_last_error("lane not served".to_string());
            Quote::unavailable()
        }
        Err(err) => {
            store::set_last_error(err.to_string());
            Quote::unavailable()
        }
    }
}

/// Returns the last error on this thread (caller frees it with `ratecard_string_free`).
#[ffi_export]
fn ratecard_last_error() -> Option<char_p::Box> {
    store::take_last_error().and_then(|msg| msg.try_into().ok())
}

#[ffi_export]
fn ratecard_string_free(s: Option<char_p::Box>) {
    drop(s);
}

#[cfg(feature = "headers")]
pub fn generate_headers() -> std::io::Result<()> {
    safer_ffi::headers::builder().to_file("include/ratecard.h")?.generate()
}
