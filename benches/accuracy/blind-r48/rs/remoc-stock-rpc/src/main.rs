mod api;
mod audit;
mod service;

use std::net::SocketAddr;
use std::sync::Arc;

use remoc::rch;
use remoc::rtc::ServerShared;
use sqlx::postgres::PgPoolOptions;
use tokio::net::{TcpListener, TcpStream};

use api::{StockClient, StockServerShared};
use service::StockService;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let catalog_url = std::env::var("CATALOG_DATABASE_URL")?;
    let ledger_url = std::env::var("LEDGER_DATABASE_URL")?;
    let supplier_url = std::env::var("SUPPLIER_API_URL")?;
    let bind: SocketAddr = std::env::var("STOCK_RPC_BIND")
        .unwrap_or_else(|_| "0.0.0.0:9870".to_string())
        .parse()?;

    let catalog = PgPoolOptions::new()
        .max_connections(10)
        .connect(&catalog_url)
        .await?;
    audit::init(&catalog).await?;

    let service = Arc::new(StockService::new(catalog, ledger_url, supplier_url));
    let listener = TcpListener::bind(bind).await?;
    tracing::info!(%bind, "stock rpc listening");

    loop {
        let (socket, peer) = listener.accept().await?;
        let service = service.clone();
        tokio::spawn(async move {
            if let Err(err) = serve_peer(socket, service).await {
                tracing::warn!(%peer, %err, "peer session ended with error");
            }
        });
    }
}

async fn serve_peer(socket: TcpStream, service: Arc<StockService>) -> anyhow::Result<()> {
    socket.set_nodelay(true)?;
    let (socket_rx, socket_tx) = socket.into_split();
    let (conn, mut tx, _rx): (_, rch::base::Sender<StockClient>, rch::base::Receiver<()>) =
        remoc::Connect::io(remoc::Cfg::default(), socket_rx, socket_tx).await?;
    tokio::spawn(conn);

    let (server, client) = StockServerShared::<_, remoc::codec::Default>::new(service, 16);
    tx.send(client).await?;
    server.serve(true).await;
    Ok(())
}
