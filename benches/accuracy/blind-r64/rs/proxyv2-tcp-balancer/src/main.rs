mod backends;
mod proxy_v2;

use std::net::SocketAddr;
use std::sync::Arc;

use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use sqlx::postgres::PgPoolOptions;
use tokio::io::{copy_bidirectional, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tracing::{info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&std::env::var("FLEET_DATABASE_URL")?)
        .await?;
    let table = Arc::new(backends::Table::default());
    table.refresh(&pool).await?;
    tokio::spawn(backends::refresh_loop(table.clone(), pool));

    // ConnectionManager is a multiplexed handle: clones share the single underlying connection.
    let counters = ConnectionManager::new(redis::Client::open(std::env::var("REDIS_URL")?)?).await?;

    let listener = TcpListener::bind("0.0.0.0:587").await?;
    info!("balancing :587");
    loop {
        let (client, peer) = listener.accept().await?;
        let table = table.clone();
        let counters = counters.clone();
        tokio::spawn(async move {
            if let Err(e) = forward(client, peer, table, counters).await {
                warn!(%peer, error = %e, "forward failed");
            }
        });
    }
}

async fn forward(
    client: TcpStream,
    peer: SocketAddr,
    table: Arc<backends::Table>,
    counters: ConnectionManager,
) -> anyhow::Result<()> {
    let backend = table.pick().ok_or_else(|| anyhow::anyhow!("no healthy backend"))?;
    let result = splice(client, peer, &backend, counters).await;
    table.release(&backend.name);
    result
}

async fn splice(
    mut client: TcpStream,
    peer: SocketAddr,
    backend: &backends::Backend,
    mut counters: ConnectionManager,
) -> anyhow::Result<()> {
    let mut upstream = TcpStream::connect(backend.addr).await?;
    let local = client.local_addr()?;
    upstream.write_all(&proxy_v2::header(peer, local)).await?;

    let key = format!("active:{}", backend.name);
    let _: i64 = counters.incr(&key, 1).await?;
    let copied = copy_bidirectional(&mut client, &mut upstream).await;
    let _: i64 = counters.decr(&key, 1).await?;
    copied?;
    Ok(())
}
