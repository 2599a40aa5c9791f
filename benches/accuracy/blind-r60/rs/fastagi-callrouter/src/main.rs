use std::sync::Arc;
use tokio::net::TcpListener;

mod agi;
mod cdr;
mod crm;
mod router;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let crm = Arc::new(crm::CrmDirectory::connect().await?);
    let cdr = Arc::new(cdr::CdrWriter::connect().await?);

    let addr = std::env::var("AGI_LISTEN").unwrap_or_else(|_| "0.0.0.0:4573".into());
    let listener = TcpListener::bind(&addr).await?;
    tracing::info!(%addr, "FastAGI listening");

    loop {
        let (stream, peer) = listener.accept().await?;
        let crm = Arc::clone(&crm);
        let cdr = Arc::clone(&cdr);
        tokio::spawn(async move {
            match agi::AgiSession::start(stream).await {
                Ok(session) => {
                    if let Err(e) = router::route_call(session, crm, cdr).await {
                        tracing::warn!(%peer, error = %e, "routing failed");
                    }
                }
                Err(e) => tracing::warn!(%peer, error = %e, "bad AGI handshake"),
            }
        });
    }
}
