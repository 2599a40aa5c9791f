use async_trait::async_trait;
use deadpool_redis::redis::AsyncCommands;
use deadpool_redis::Pool as RedisPool;
use ezsockets::Error;
use mongodb::bson::{doc, DateTime, Document};
use serde::Deserialize;

use crate::{PresenceServer, ServerCall, Session};

pub type SessionId = u32;

pub struct PresenceSession {
    pub id: SessionId,
    pub user_id: i64,
    pub handle: Session,
    pub server: ezsockets::Server<PresenceServer>,
    pub presence: RedisPool,
    pub mongo_uri: String,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Inbound {
    Heartbeat,
    Status { status: String },
    Chat { room: String, body: String },
}

impl PresenceSession {
    async fn mark(&self, status: &str) -> Result<(), Error> {
        let mut conn = self.presence.get().await?;
        let key = format!("presence:{}", self.user_id);
        conn.set_ex::<_, _, ()>(&key, status, 45).await?;
        Ok(())
    }
}

#[async_trait]
impl ezsockets::SessionExt for PresenceSession {
    type ID = SessionId;
    type Call = ();

    fn id(&self) -> &Self::ID {
        &self.id
    }

    async fn on_text(&mut self, text: String) -> Result<(), Error> {
        let inbound: Inbound = serde_json::from_str(&text)?;
        match inbound {
            Inbound::Heartbeat => {
                self.mark("online").await?;
            }
            Inbound::Status { status } => {
                self.mark(&status).await?;
                let _ = self.server.call(ServerCall::Broadcast {
                    from: self.id,
                    text: serde_json::json!({ "type": "status", "user_id": self.user_id, "status": status })
                        .to_string(),
                });
            }
            Inbound::Chat { room, body } => {
                let archive = mongodb::Client::with_uri_str(&self.mongo_uri).await?;
                archive
                    .database("chat")
                    .collection::<Document>("messages")
                    .insert_one(doc! {
                        "room": &room,
                        "user_id": self.user_id,
                        "body": &body,
                        "sent_at": DateTime::now(),
                    })
                    .await?;
                let _ = self.server.call(ServerCall::Broadcast { from: self.id, text });
            }
        }
        Ok(())
    }

    async fn on_binary(&mut self, _bytes: Vec<u8>) -> Result<(), Error> {
        let _ = self.handle.text("binary frames are not supported".to_string());
        Ok(())
    }

    async fn on_call(&mut self, call: Self::Call) -> Result<(), Error> {
        let () = call;
        Ok(())
    }
}
