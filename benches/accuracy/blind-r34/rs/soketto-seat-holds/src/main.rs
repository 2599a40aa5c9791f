mod holds;
mod payments;

use std::sync::Arc;

use anyhow::Result;
use dashmap::DashMap;
use fred::prelude::*;
use soketto::handshake::{server::Response, Server};
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres, Transaction};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::compat::TokioAsyncReadCompatExt;
use uuid::Uuid;

pub struct AppState {
    pub pool: PgPool,
    pub cache: RedisClient,
    /// Open seat holds, keyed by hold id so a box-office client can confirm
    /// after a reconnect.
    pub holds: DashMap<Uuid, Transaction<'static, Postgres>>,
}

#[tokio::main]
async fn main() -> Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let cache = Builder::from_config(RedisConfig::from_url(&std::env::var("REDIS_URL")?)?).build()?;
    cache.init().await?;

    let state = Arc::new(AppState { pool, cache, holds: DashMap::new() });
    let listener = TcpListener::bind("0.0.0.0:9300").await?;

    loop {
        let (stream, peer) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = serve(stream, state).await {
                eprintln!("desk {peer}: {e:#}");
            }
        });
    }
}

async fn serve(stream: TcpStream, state: Arc<AppState>) -> Result<()> {
    let mut server = Server::new(stream.compat());
    let request = server.receive_request().await?;
    let key = request.key();
    server
        .send_response(&Response::Accept { key, protocol: None })
        .await?;

    let (mut sender, mut receiver) = server.into_builder().finish();
    let mut data = Vec::new();

    loop {
        data.clear();
        match receiver.receive_data(&mut data).await {
            Ok(soketto::Data::Text(_)) => {}
            Ok(soketto::Data::Binary(_)) => continue,
            Err(soketto::connection::Error::Closed) => break,
            Err(e) => return Err(e.into()),
        }

        let reply = match serde_json::from_slice::<holds::Command>(&data) {
            Ok(cmd) => holds::handle(&state, cmd)
                .await
                .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() })),
            Err(e) => serde_json::json!({ "error": format!("bad command: {e}") }),
        };
        sender.send_text(reply.to_string()).await?;
        sender.flush().await?;
    }
    Ok(())
}
