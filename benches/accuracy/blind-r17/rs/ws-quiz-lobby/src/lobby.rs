use std::sync::Arc;

use log::{info, warn};
use redis::Commands;
use serde::Deserialize;
use ws::{CloseCode, Handler, Handshake, Message, Sender};

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Incoming {
    Join { room: String, player: String },
    Answer { room: String, question: u32, choice: u8 },
    Report { player: String, reason: String },
}

pub struct Lobby {
    out: Sender,
    profiles: Arc<reqwest::blocking::Client>,
    scores: Option<redis::Connection>,
    player: Option<String>,
}

impl Lobby {
    pub fn new(out: Sender, profiles: Arc<reqwest::blocking::Client>) -> Self {
        Lobby { out, profiles, scores: None, player: None }
    }

    fn internal(e: impl std::fmt::Display) -> ws::Error {
        ws::Error::new(ws::ErrorKind::Internal, e.to_string())
    }
}

impl Handler for Lobby {
    fn on_open(&mut self, shake: Handshake) -> ws::Result<()> {
        info!("connection from {:?}", shake.remote_addr()?);
        let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
        let conn = redis::Client::open(url)
            .and_then(|c| c.get_connection())
            .map_err(Self::internal)?;
        self.scores = Some(conn);
        Ok(())
    }

    fn on_message(&mut self, msg: Message) -> ws::Result<()> {
        let incoming: Incoming = match serde_json::from_str(msg.as_text()?) {
            Ok(m) => m,
            Err(e) => return self.out.send(format!("{{\"error\":\"{e}\"}}")),
        };
        match incoming {
            Incoming::Join { room, player } => {
                let profile: serde_json::Value = self
                    .profiles
                    .get(format!("http://profiles.internal/players/{player}"))
                    .send()
                    .and_then(|r| r.json())
                    .map_err(Self::internal)?;
                self.player = Some(player);
                self.out.broadcast(
                    serde_json::json!({ "type": "joined", "room": room, "profile": profile }).to_string(),
                )
            }
            Incoming::Answer { room, question, choice } => {
                let player = self.player.clone().unwrap_or_default();
                let conn = self.scores.as_mut().ok_or_else(|| Self::internal("not opened"))?;
                let correct: Option<u8> = conn
                    .hget(format!("quiz:{room}:answers"), question)
                    .map_err(Self::internal)?;
                if correct == Some(choice) {
                    let score: i64 = conn
                        .zincr(format!("quiz:{room}:scores"), &player, 10)
                        .map_err(Self::internal)?;
                    self.out.send(serde_json::json!({ "type": "score", "score": score }).to_string())?;
                }
                Ok(())
            }
            Incoming::Report { player, reason } => {
                let moderation = reqwest::blocking::Client::new();
                let res = moderation
                    .post("https://moderation.internal/api/reports")
                    .bearer_auth(std::env::var("MODERATION_TOKEN").unwrap_or_default())
                    .json(&serde_json::json!({
                        "reported": player,
                        "by": self.player,
                        "reason": reason,
                    }))
                    .send();
                if let Err(e) = res {
                    warn!("report not delivered: {e}");
                }
                self.out.send(r#"{"type":"report_received"}"#)
            }
        }
    }

    fn on_close(&mut self, code: CloseCode, reason: &str) {
        info!("player {:?} left ({code:?}: {reason})", self.player);
        self.scores = None;
    }
}
