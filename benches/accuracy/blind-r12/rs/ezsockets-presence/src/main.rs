mod session;

use std::collections::HashMap;
use std::net::SocketAddr;

use async_trait::async_trait;
use deadpool_redis::{Config as RedisConfig, Runtime};
use ezsockets::{CloseFrame, Error, Request, Server, Socket};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use session::{PresenceSession, SessionId};

pub type Session = ezsockets::Session<SessionId, ()>;

#[derive(Debug)]
pub enum ServerCall {
    Broadcast { from: SessionId, text: String },
}

pub struct PresenceServer {
    handle: Server<Self>,
    sessions: HashMap<SessionId, Session>,
    pg: PgPool,
    redis_url: String,
    mongo_uri: String,
    next_id: SessionId,
}

#[async_trait]
impl ezsockets::ServerExt for PresenceServer {
    type Session = PresenceSession;
    type Call = ServerCall;

    async fn on_connect(
        &mut self,
        socket: Socket,
        request: Request,
        address: SocketAddr,
    ) -> Result<Session, Option<CloseFrame>> {
        let token = request
            .uri()
            .query()
            .and_then(|q| q.strip_prefix("token="))
            .map(str::to_owned)
            .ok_or(None::<CloseFrame>)?;

        let user_id: i64 = sqlx::query_scalar(
            "SELECT user_id FROM ws_tokens WHERE token = $1 AND expires_at > now()",
        )
        .bind(&token)
        .fetch_optional(&self.pg)
        .await
        .ok()
        .flatten()
        .ok_or(None::<CloseFrame>)?;

        let presence = RedisConfig::from_url(self.redis_url.clone())
            .create_pool(Some(Runtime::Tokio1))
            .map_err(|_| None::<CloseFrame>)?;

        self.next_id += 1;
        let id = self.next_id;
        let server = self.handle.clone();
        let mongo_uri = self.mongo_uri.clone();
        let session = Session::create(
            |handle| PresenceSession {
                id,
                user_id,
                handle,
                server,
                presence,
                mongo_uri,
            },
            id,
            socket,
        );
        self.sessions.insert(id, session.clone());
        tracing::info!(session = id, user_id, %address, "presence session opened");
        Ok(session)
    }

    async fn on_disconnect(
        &mut self,
        id: <Self::Session as ezsockets::SessionExt>::ID,
        _reason: Result<Option<CloseFrame>, Error>,
    ) -> Result<(), Error> {
        self.sessions.remove(&id);
        Ok(())
    }

    async fn on_call(&mut self, call: Self::Call) -> Result<(), Error> {
        match call {
            ServerCall::Broadcast { from, text } => {
                for (id, session) in &self.sessions {
                    if *id != from {
                        let _ = session.text(text.clone());
                    }
                }
            }
        }
        Ok(())
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    let mongo_uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://127.0.0.1:27017".into());

    let pg = PgPoolOptions::new().max_connections(150).connect(&database_url).await?;

    let (server, _) = Server::create(|handle| PresenceServer {
        handle,
        sessions: HashMap::new(),
        pg,
        redis_url,
        mongo_uri,
        next_id: 0,
    });

    tracing::info!("presence gateway listening on :8080");
    ezsockets::tungstenite::run(server, "0.0.0.0:8080").await?;
    Ok(())
}
