mod cursors;
mod presence;
mod protocol;

use futures_util::{SinkExt, StreamExt};
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::net::{TcpListener, TcpStream};
use tokio_websockets::{Message, ServerBuilder};

use crate::protocol::{Command, Reply};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("LEDGER_DATABASE_URL")?;
    let pool = PgPoolOptions::new().max_connections(200).connect(&url).await?;

    let listener = TcpListener::bind("0.0.0.0:7070").await?;
    loop {
        let (stream, _) = listener.accept().await?;
        let pool = pool.clone();
        tokio::spawn(async move {
            if let Err(err) = serve(stream, pool).await {
                eprintln!("session ended with error: {err}");
            }
        });
    }
}

async fn serve(stream: TcpStream, pool: PgPool) -> anyhow::Result<()> {
    let (_request, mut ws) = ServerBuilder::new().accept(stream).await?;

    while let Some(msg) = ws.next().await {
        let msg = msg?;
        let Some(text) = msg.as_text() else { continue };
        let cmd: Command = match serde_json::from_str(text) {
            Ok(cmd) => cmd,
            Err(err) => {
                let reply = Reply::Error { message: err.to_string() };
                ws.send(Message::text(serde_json::to_string(&reply)?)).await?;
                continue;
            }
        };

        presence::touch(cmd.account_id()).await;

        let reply = match cmd {
            Command::Open { account_id, from, to } => cursors::open(&pool, &account_id, &from, &to).await,
            Command::Next { cursor_id, .. } => cursors::next(&cursor_id).await,
        }
        .unwrap_or_else(|err| Reply::Error { message: err.to_string() });

        ws.send(Message::text(serde_json::to_string(&reply)?)).await?;
    }
    Ok(())
}
