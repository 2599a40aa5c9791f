//! Live auction bidding over WebSockets. Each lot page opens
//! ws://host/lots/{id}/ws and sends one JSON frame per bid.

use std::sync::Arc;

use bytes::Bytes;
use fastwebsockets::{upgrade, WebSocketError};
use http_body_util::Empty;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

mod bidding;
mod state;

use state::AppState;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // Clients are created here, once, and shared by every connection.
    let state = Arc::new(AppState::init().await?);

    let addr = std::env::var("BIND").unwrap_or_else(|_| "0.0.0.0:8090".into());
    let listener = TcpListener::bind(&addr).await?;
    tracing::info!(%addr, "auction-live listening");

    loop {
        let (stream, peer) = listener.accept().await?;
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let io = TokioIo::new(stream);
            let svc = service_fn(move |req| route(req, Arc::clone(&state)));
            if let Err(e) = http1::Builder::new().serve_connection(io, svc).with_upgrades().await {
                tracing::debug!(%peer, "connection closed: {e}");
            }
        });
    }
}

async fn route(mut req: Request<Incoming>, state: Arc<AppState>) -> Result<Response<Empty<Bytes>>, WebSocketError> {
    let lot_id = req
        .uri()
        .path()
        .strip_prefix("/lots/")
        .and_then(|rest| rest.strip_suffix("/ws"))
        .and_then(|id| id.parse::<i64>().ok());

    if req.uri().path() == "/healthz" {
        let status = if state.healthy().await { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
        return Ok(Response::builder().status(status).body(Empty::new()).unwrap());
    }
    let Some(lot_id) = lot_id else {
        return Ok(Response::builder().status(StatusCode::NOT_FOUND).body(Empty::new()).unwrap());
    };
    if !upgrade::is_upgrade_request(&req) {
        return Ok(Response::builder().status(StatusCode::UPGRADE_REQUIRED).body(Empty::new()).unwrap());
    }

    let (response, fut) = upgrade::upgrade(&mut req)?;
    tokio::spawn(async move {
        if let Err(e) = bidding::session(fut, state, lot_id).await {
            tracing::warn!(lot_id, "bidding session ended with error: {e:#}");
        }
    });
    Ok(response)
}
