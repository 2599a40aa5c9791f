mod state;

use std::net::SocketAddr;

use futures_util::{SinkExt, StreamExt};
use redis::AsyncCommands;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use tokio::net::{TcpListener, TcpStream};
use tokio_tungstenite::tungstenite::Message;
use tracing::{info, warn};

use state::AppState;

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ClientFrame {
    Hello { user_id: String },
    Status { status: String },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = PgPoolOptions::new()
        .max_connections(20)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let state = AppState::new(
        pool,
        std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
    );

    let listener = TcpListener::bind("0.0.0.0:9001").await?;
    info!("presence gateway listening on 9001");

    while let Ok((stream, peer)) = listener.accept().await {
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = serve(stream, peer, state).await {
                warn!(%peer, error = %e, "socket closed with error");
            }
        });
    }
    Ok(())
}

async fn serve(stream: TcpStream, peer: SocketAddr, state: AppState) -> anyhow::Result<()> {
    let ws = tokio_tungstenite::accept_async(stream).await?;
    let (mut tx, mut rx) = ws.split();

    let mut user_id: Option<String> = None;

    while let Some(frame) = rx.next().await {
        let text = match frame? {
            Message::Text(t) => t,
            Message::Close(_) => break,
            _ => continue,
        };

        match serde_json::from_str::<ClientFrame>(&text)? {
            ClientFrame::Hello { user_id: uid } => {
                let mut conn = state.pool.acquire().await?;
                sqlx::query("SELECT set_config('app.user_id', $1, false)")
                    .bind(&uid)
                    .execute(&mut *conn)
                    .await?;
                state.sessions.lock().await.insert(peer, conn);
                user_id = Some(uid);
                tx.send(Message::Text(r#"{"type":"ready"}"#.into())).await?;
            }
            ClientFrame::Status { status } => {
                let Some(uid) = user_id.as_deref() else { continue };

                let mut sessions = state.sessions.lock().await;
                if let Some(conn) = sessions.get_mut(&peer) {
                    sqlx::query("UPDATE presence SET status = $1, updated_at = now() WHERE user_id = current_setting('app.user_id')")
                        .bind(&status)
                        .execute(&mut **conn)
                        .await?;
                }
                drop(sessions);

                let client = redis::Client::open(state.redis_url.as_str())?;
                let mut con = client.get_multiplexed_tokio_connection().await?;
                con.publish::<_, _, ()>(
                    "presence",
                    serde_json::json!({ "user": uid, "status": status }).to_string(),
                )
                .await?;
            }
        }
    }

    info!(%peer, "client disconnected");
    Ok(())
}
