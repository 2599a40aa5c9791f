use serde::{Deserialize, Serialize};

/// Bumped whenever a message shape changes; clients send it in `hello`.
pub const PROTOCOL_VERSION: u16 = 3;

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMsg {
    Hello { player_token: String, version: u16 },
    Lap { track: String, lap_ms: i32 },
    Finish { track: String, total_ms: i32 },
}

#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg {
    Welcome { player: String, best_ms: Option<i32> },
    LapRecorded { personal_best: bool },
    Finished { player: String, rank: i64 },
    Error { message: String },
}

#[derive(Debug)]
pub enum DecodeError {
    Malformed(serde_json::Error),
    Version(u16),
}

pub fn decode(payload: &[u8]) -> Result<ClientMsg, DecodeError> {
    let msg: ClientMsg = serde_json::from_slice(payload).map_err(DecodeError::Malformed)?;
    match msg {
        ClientMsg::Hello { version, .. } if version != PROTOCOL_VERSION => Err(DecodeError::Version(version)),
        other => Ok(other),
    }
}

pub fn encode(msg: &ServerMsg) -> Vec<u8> {
    serde_json::to_vec(msg).expect("server messages always serialise")
}
