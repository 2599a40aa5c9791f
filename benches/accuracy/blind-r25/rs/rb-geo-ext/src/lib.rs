//! `GeoExt` — loaded by `require "geo_ext/geo_ext"` in the Rails app.
//!
//! Every method defined here is called from controllers / ActiveJob jobs, so
//! each Rust function runs once per Rails request or job.

use std::fmt::Display;

use magnus::{function, prelude::*, Error, Ruby};

mod billing;
mod geo;
mod import;

pub(crate) fn rb_err<E: Display>(e: E) -> Error {
    Error::new(magnus::exception::runtime_error(), e.to_string())
}

pub(crate) fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://dispatch@localhost:5432/dispatch_production".to_string())
}

pub(crate) fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/2".to_string())
}

#[magnus::init]
fn init(ruby: &Ruby) -> Result<(), Error> {
    let module = ruby.define_module("GeoExt")?;

    module.define_singleton_method("nearest_depot", function!(geo::nearest_depot, 2))?;
    module.define_singleton_method("geocode", function!(geo::geocode, 1))?;

    module.define_singleton_method("shipping_quote", function!(billing::shipping_quote, 3))?;
    module.define_singleton_method("invoice_total", function!(billing::invoice_total, 1))?;

    module.define_singleton_method("begin_import", function!(import::begin_import, 1))?;
    module.define_singleton_method("import_row", function!(import::import_row, 4))?;
    module.define_singleton_method("finish_import", function!(import::finish_import, 1))?;

    Ok(())
}
