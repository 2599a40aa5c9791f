//! PSP sandbox: a long-running wiremock MockServer deployed in staging that
//! impersonates the card processor. Every matched HTTP request is answered by
//! one of the Respond impls in responders.rs.

mod audit;
mod fixtures;
mod responders;

use std::net::TcpListener;
use std::sync::Arc;

use wiremock::matchers::{header_exists, method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::audit::AuditSink;
use crate::fixtures::FixtureStore;
use crate::responders::{ChargeResponder, RefundResponder};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let fixtures = Arc::new(FixtureStore::connect().await?);
    let audit = AuditSink::start().await?;

    let listener = TcpListener::bind(std::env::var("BIND").unwrap_or_else(|_| "0.0.0.0:8089".into()))?;
    let server = MockServer::builder().listener(listener).start().await;

    Mock::given(method("POST"))
        .and(path("/v1/charges"))
        .and(header_exists("idempotency-key"))
        .respond_with(ChargeResponder::new(fixtures.clone(), audit.sender()))
        .mount(&server)
        .await;

    Mock::given(method("POST"))
        .and(path_regex(r"^/v1/charges/[^/]+/refunds$"))
        .respond_with(RefundResponder::new(audit.sender()))
        .mount(&server)
        .await;

    Mock::given(method("GET"))
        .and(path("/health"))
        .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
        .mount(&server)
        .await;

    tracing::info!(uri = %server.uri(), cards = fixtures.len(), "psp sandbox listening");
    tokio::signal::ctrl_c().await?;
    audit.shutdown().await;
    Ok(())
}
