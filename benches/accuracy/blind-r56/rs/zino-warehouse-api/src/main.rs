//! Warehouse stock and shipping-label API on Zino (axum backend).

mod clients;
mod label;
mod stock;

use axum::{
    routing::{get, post},
    Router,
};
use zino::{Rejection, Request};

fn routes() -> Vec<Router> {
    let stock_router = Router::new()
        .route("/stock/:sku", get(stock::view))
        .route("/stock/:sku/reserve", post(stock::reserve))
        .route("/stock/:sku/release", post(stock::release));
    let label_router = Router::new().route("/shipments/:id/label", post(label::create));
    vec![stock_router, label_router]
}

/// Map any backend error to a 500 carrying the request context.
pub(crate) fn internal(req: &Request, err: impl std::fmt::Display) -> Rejection {
    Rejection::internal_server_error(zino::error::Error::new(err.to_string())).context(req)
}

/// Map a validation problem to a 400.
pub(crate) fn bad_request(req: &Request, field: &'static str, err: impl std::fmt::Display) -> Rejection {
    let mut validation = zino::validation::Validation::new();
    validation.record(field, err.to_string());
    Rejection::bad_request(validation).context(req)
}

fn main() {
    zino::Cluster::boot().register(routes()).run()
}
