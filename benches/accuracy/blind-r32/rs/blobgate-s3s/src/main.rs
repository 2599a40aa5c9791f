mod gateway;
mod hooks;
mod meta;


use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use s3s::service::S3ServiceBuilder;
use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;

use crate::gateway::Gateway;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let shelf_root = std::env::var("SHELF_ROOT").unwrap_or_else(|_| "/srv/shelves".into());

    let pool = PgPoolOptions::new()
        .max_connections(16)
        .connect(&database_url)
        .await?;

    let gw = Gateway::new(pool, database_url, shelf_root.into());
    let service = {
        let b = S3ServiceBuilder::new(gw);
        b.build()
    };

    let listener = TcpListener::bind("0.0.0.0:9000").await?;
    let http = ConnBuilder::new(TokioExecutor::new());
    tracing::info!("blobgate listening on :9000");

    loop {
        let (socket, peer) = listener.accept().await?;
        let service = service.clone();
        let http = http.clone();
        tokio::spawn(async move {
            if let Err(err) = http.serve_connection(TokioIo::new(socket), service).await {
                tracing::debug!(%peer, "connection ended: {err}");
            }
        });
    }
}
