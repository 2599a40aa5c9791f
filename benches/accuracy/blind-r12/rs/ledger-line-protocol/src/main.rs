mod audit;
mod session;
mod store;

use std::sync::Arc;

use tokio::net::TcpListener;

use session::Shared;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = store::connect().await?;
    let audit = audit::AuditLog::open().await?;
    let fx_url = std::env::var("FX_SERVICE_URL").unwrap_or_else(|_| "http://fx.internal:8081".into());

    let shared = Arc::new(Shared {
        pool,
        audit,
        open: Default::default(),
        fx_url,
    });

    let listener = TcpListener::bind("0.0.0.0:7070").await?;
    tracing::info!("ledger line protocol listening on :7070");

    loop {
        let (stream, peer) = listener.accept().await?;
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            if let Err(e) = session::serve(stream, peer, shared).await {
                tracing::warn!(%peer, "connection ended with error: {e}");
            }
        });
    }
}
