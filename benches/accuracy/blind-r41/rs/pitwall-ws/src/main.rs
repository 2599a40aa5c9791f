mod db;
mod session;

use std::sync::Arc;

use soketto::handshake::{server::Response, Server};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::compat::TokioAsyncReadCompatExt;

use session::AppState;

async fn accept(state: Arc<AppState>, socket: TcpStream) -> anyhow::Result<()> {
    let mut server = Server::new(socket.compat());
    let req = server.receive_request().await?;
    if req.path() != "/pitwall" {
        server.send_response(&Response::Reject { status_code: 404 }).await?;
        return Ok(());
    }
    let key = req.key();
    server.send_response(&Response::Accept { key, protocol: None }).await?;
    let (sender, receiver) = server.into_builder().finish();
    session::run(state, sender, receiver).await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::connect_with_retry(&std::env::var("DATABASE_URL")?).await?;
    let redis_client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let redis = redis::aio::ConnectionManager::new(redis_client).await?;
    let state = Arc::new(AppState { pool, redis });

    let listener = TcpListener::bind("0.0.0.0:9300").await?;
    loop {
        let (socket, peer) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(err) = accept(state, socket).await {
                eprintln!("pit wall session {peer} ended: {err:#}");
            }
        });
    }
}
