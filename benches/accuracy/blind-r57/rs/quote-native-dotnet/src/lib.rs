//! Native core of the quote service. The C# side (Acme.Quotes.Api) calls these
//! functions through the generated `Interop` class from QuoteController and
//! CheckoutController, i.e. once or more per HTTP request handled by Kestrel.

mod pricing;
mod shipping;
mod stock;

use interoptopus::patterns::string::AsciiPointer;
use interoptopus::{ffi_function, ffi_type, function, Inventory, InventoryBuilder};

#[ffi_type]
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct Quote {
    pub unit_price_cents: i64,
    pub total_cents: i64,
    pub available: i32,
    pub eta_days: i32,
    pub status: i32,
}

pub const STATUS_OK: i32 = 0;
pub const STATUS_UNKNOWN_SKU: i32 = 1;
pub const STATUS_BACKEND_ERROR: i32 = 2;

#[ffi_function]
#[no_mangle]
pub extern "C" fn quote_for(sku: AsciiPointer, quantity: i32, postcode: AsciiPointer) -> Quote {
    let (Ok(sku), Ok(postcode)) = (sku.as_str(), postcode.as_str()) else {
        return Quote { status: STATUS_UNKNOWN_SKU, ..Quote::default() };
    };
    let price = match pricing::unit_price_cents(sku, quantity) {
        Ok(Some(p)) => p,
        Ok(None) => return Quote { status: STATUS_UNKNOWN_SKU, ..Quote::default() },
        Err(_) => return Quote { status: STATUS_BACKEND_ERROR, ..Quote::default() },
    };
    let available = stock::available(sku).unwrap_or(0);
    let eta_days = shipping::eta_days(postcode, quantity).unwrap_or(-1);
    Quote {
        unit_price_cents: price,
        total_cents: price * i64::from(quantity),
        available,
        eta_days,
        status: STATUS_OK,
    }
}

#[ffi_function]
#[no_mangle]
pub extern "C" fn stock_reserve(sku: AsciiPointer, quantity: i32, order_id: i64) -> i32 {
    let Ok(sku) = sku.as_str() else { return STATUS_UNKNOWN_SKU };
    match stock::reserve(sku, quantity, order_id) {
        Ok(true) => STATUS_OK,
        Ok(false) => STATUS_UNKNOWN_SKU,
        Err(_) => STATUS_BACKEND_ERROR,
    }
}

pub fn ffi_inventory() -> Inventory {
    InventoryBuilder::new()
        .register(function!(quote_for))
        .register(function!(stock_reserve))
        .inventory()
}
