//! Reporting API on touche (thread per connection). Requests carry the tenant
//! in the `x-tenant` header; each tenant lives in its own database, so we keep
//! one small r2d2 pool per tenant, created the first time the tenant is seen.

mod tenants;

use std::sync::Arc;

use http::{Request, Response, StatusCode};
use serde_json::json;
use touche::{Body, Server};

use crate::tenants::Directory;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let directory = Arc::new(Directory::load(&std::env::var("CONTROL_DATABASE_URL")?)?);
    log::info!("{} tenants registered", directory.len());

    let addr = std::env::var("BIND").unwrap_or_else(|_| "0.0.0.0:8080".into());
    Server::bind(addr.as_str()).serve(move |req: Request<Body>| {
        let response = match route(&directory, &req) {
            Ok(resp) => resp,
            Err(e) => {
                log::error!("{} {}: {e:#}", req.method(), req.uri().path());
                Response::builder()
                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                    .body(Body::from("internal error"))
            }
        };
        response
    })?;
    Ok(())
}

fn route(directory: &Directory, req: &Request<Body>) -> anyhow::Result<http::Result<Response<Body>>> {
    let tenant = match req.headers().get("x-tenant").and_then(|v| v.to_str().ok()) {
        Some(t) => t,
        None => return Ok(Response::builder().status(StatusCode::BAD_REQUEST).body(Body::from("missing x-tenant"))),
    };
    let pool = match directory.pool_for(tenant)? {
        Some(pool) => pool,
        None => return Ok(Response::builder().status(StatusCode::NOT_FOUND).body(Body::from("unknown tenant"))),
    };

    match req.uri().path() {
        "/reports/revenue" => {
            let mut conn = pool.get()?;
            let rows = conn.query(
                "SELECT to_char(day, 'YYYY-MM-DD'), revenue_cents FROM daily_revenue
                 WHERE day >= current_date - 30 ORDER BY day",
                &[],
            )?;
            let days: Vec<_> = rows
                .iter()
                .map(|r| json!({ "day": r.get::<_, String>(0), "cents": r.get::<_, i64>(1) }))
                .collect();
            Ok(Response::builder().status(StatusCode::OK).body(Body::from(json!(days).to_string())))
        }
        "/reports/top-customers" => {
            let mut conn = pool.get()?;
            let rows = conn.query(
                "SELECT customer_id, SUM(total_cents) AS spent FROM orders
                 GROUP BY customer_id ORDER BY spent DESC LIMIT 20",
                &[],
            )?;
            if rows.is_empty() {
                // conn goes back to the tenant pool when it is dropped here
                return Ok(Response::builder().status(StatusCode::NO_CONTENT).body(Body::empty()));
            }
            let top: Vec<_> = rows
                .iter()
                .map(|r| json!({ "customer": r.get::<_, i64>(0), "cents": r.get::<_, i64>(1) }))
                .collect();
            Ok(Response::builder().status(StatusCode::OK).body(Body::from(json!(top).to_string())))
        }
        _ => Ok(Response::builder().status(StatusCode::NOT_FOUND).body(Body::empty())),
    }
}
