//! Native half of the `PricingService` Julia package.
//!
//! The Julia side (julia/PricingService.jl) wraps this library with
//! `JlrsCore.Wrap.@wrapmodule` and calls these functions from its Oxygen.jl
//! HTTP route handlers, i.e. once per API request. All functions take and
//! return plain integers so they can be called without touching Julia data.
use jlrs::prelude::*;

mod ledger;
mod quote;
mod stock;

pub use ledger::post_ledger;
pub use quote::quote_cents;
pub use stock::reserve;

/// Connection string shared by every module.
pub(crate) fn database_url() -> String {
    std::env::var("PRICING_DATABASE_URL")
        .unwrap_or_else(|_| "host=pricing-db.internal user=pricing dbname=commerce".to_string())
}

/// Maps an error to the sentinel value the Julia side checks for.
pub(crate) fn or_sentinel<E: std::fmt::Display>(fn_name: &str, res: Result<i64, E>) -> i64 {
    match res {
        Ok(v) => v,
        Err(err) => {
            eprintln!("pricing_jl::{fn_name}: {err}");
            -1
        }
    }
}

julia_module! {
    become pricing_jl_init;

    /// quote_cents(sku, qty, customer) -> total price in EUR cents, -1 on error
    fn quote_cents(sku: i64, qty: i64, customer: i64) -> i64;

    /// reserve(sku, qty, order_id) -> 1 reserved, 0 out of stock, -1 on error
    fn reserve(sku: i64, qty: i64, order_id: i64) -> i64;

    /// post_ledger(order_id, cents) -> ledger entry id, -1 on error
    fn post_ledger(order_id: i64, cents: i64) -> i64;
}
