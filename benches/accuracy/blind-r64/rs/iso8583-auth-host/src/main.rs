mod iso;
mod link;
mod reversal;
mod store;

use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;
use tracing::{info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ledger = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("LEDGER_DATABASE_URL")?)
        .await?;

    tokio::spawn(reversal::sweeper(ledger.clone()));

    // The acquirer switch keeps 2-4 persistent links open; each carries many messages.
    let listener = TcpListener::bind("0.0.0.0:8583").await?;
    info!("authorization host listening on :8583");
    loop {
        let (stream, peer) = listener.accept().await?;
        tokio::spawn(async move {
            if let Err(e) = link::serve(stream).await {
                warn!(%peer, error = %e, "acquirer link closed");
            }
        });
    }
}
