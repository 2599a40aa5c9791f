mod audit;
mod catalog;
mod handler;

use std::sync::Arc;

use pgwire::tokio::process_socket;
use tokio::net::TcpListener;

use crate::handler::GatewayHandlers;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let audit_pool = audit::connect().await?;
    let catalog = catalog::Catalog::connect().await?;
    let handlers = Arc::new(GatewayHandlers::new(audit_pool, catalog));

    let addr = std::env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:5433".into());
    let listener = TcpListener::bind(&addr).await?;
    tracing::info!(%addr, "metrics gateway listening");
    loop {
        let (socket, peer) = listener.accept().await?;
        let handlers = handlers.clone();
        tokio::spawn(async move {
            if let Err(e) = process_socket(socket, None, handlers).await {
                tracing::warn!(%peer, error = %e, "client session ended with error");
            }
        });
    }
}
