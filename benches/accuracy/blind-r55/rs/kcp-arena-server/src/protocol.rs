//! Newline-delimited JSON frames exchanged with the game client.

use serde::{Deserialize, Serialize};

#[derive(Deserialize, Debug)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum ClientFrame {
    Hello { player_id: i64, token: String },
    Move { x: f32, y: f32 },
    Score { round: i32, points: i32 },
    Chat { room: String, text: String },
    Bye,
}

#[derive(Serialize, Debug)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum ServerFrame {
    Welcome { player_id: i64, best: i32 },
    Ack,
    Error { reason: String },
}

impl ServerFrame {
    pub fn to_line(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec(self).unwrap_or_default();
        v.push(b'\n');
        v
    }
}

pub fn parse(line: &str) -> Result<ClientFrame, serde_json::Error> {
    serde_json::from_str(line)
}

pub const MAX_CHAT_LEN: usize = 280;
