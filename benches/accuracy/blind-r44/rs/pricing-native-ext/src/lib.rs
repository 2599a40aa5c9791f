//! Native pricing helpers imported by the Django storefront
//! (`import pricing_native`). `quote` is called from the product page view and
//! the cart view, i.e. once or more per HTTP request.

mod cache;
mod db;
mod fx;

use std::error::Error;

use cpython::{exc, py_fn, py_module_initializer, PyErr, PyResult, Python};

type BoxError = Box<dyn Error + Send + Sync>;

py_module_initializer!(pricing_native, |py, m| {
    m.add(py, "__doc__", "Native pricing helpers for the storefront.")?;
    m.add(py, "quote", py_fn!(py, quote(sku: String, qty: u32, currency: String)))?;
    m.add(py, "invalidate", py_fn!(py, invalidate(sku: String)))?;
    Ok(())
});

fn to_py_err(py: Python, e: BoxError) -> PyErr {
    PyErr::new::<exc::RuntimeError, _>(py, e.to_string())
}

fn quote(py: Python, sku: String, qty: u32, currency: String) -> PyResult<f64> {
    py.allow_threads(|| quote_inner(&sku, qty, &currency))
        .map_err(|e| to_py_err(py, e))
}

fn invalidate(py: Python, sku: String) -> PyResult<bool> {
    py.allow_threads(|| cache::invalidate(&sku))
        .map_err(|e| to_py_err(py, e))
}

fn quote_inner(sku: &str, qty: u32, currency: &str) -> Result<f64, BoxError> {
    if let Some(hit) = cache::get(sku, qty, currency)? {
        return Ok(hit);
    }

    let mut client = db::connect()?;
    let tier = db::tier_price(&mut client, sku, qty)?
        .ok_or_else(|| format!("no active price for {}", sku))?;

    let total = (tier.unit_minor as f64 / 100.0) * qty as f64;
    let converted = fx::convert(total, &tier.currency, currency)?;
    let rounded = (converted * 100.0).round() / 100.0;
    db::log_quote(&mut client, sku, qty, currency, rounded)?;

    cache::put(sku, qty, currency, rounded)?;
    Ok(rounded)
}
