//! Length-prefixed JSON protocol for the POS terminals: one frame in, one status frame out.
use bytes::Bytes;
use futures::{SinkExt, StreamExt};
use ledger_ingest::{db, entry};
use sqlx::PgPool;
use tokio::net::{TcpListener, TcpStream};
use tokio_util::codec::{Framed, LengthDelimitedCodec};

/// Cloned for every accepted connection; the clone only copies the pool handle.
#[derive(Clone)]
struct Handler {
    pool: PgPool,
}

impl Handler {
    async fn serve(self, socket: TcpStream) -> anyhow::Result<()> {
        let mut framed = Framed::new(socket, LengthDelimitedCodec::new());
        while let Some(frame) = framed.next().await {
            let frame = frame?;
            let status: &'static [u8] = match serde_json::from_slice::<entry::Entry>(&frame) {
                Ok(e) => match entry::apply(&self.pool, &e).await {
                    Ok(true) => b"OK",
                    Ok(false) => b"DUP",
                    Err(_) => b"ERR",
                },
                Err(_) => b"BAD",
            };
            framed.send(Bytes::from_static(status)).await?;
        }
        Ok(())
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool(10).await?;
    let handler = Handler { pool: pool.clone() };
    let listener = TcpListener::bind("0.0.0.0:7400").await?;

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (socket, peer) = accepted?;
                let h = handler.clone();
                tokio::spawn(async move {
                    if let Err(e) = h.serve(socket).await {
                        tracing::warn!(%peer, error = %e, "terminal connection closed");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => {
                tracing::info!("shutting down gateway");
                break;
            }
        }
    }

    pool.close().await;
    Ok(())
}
