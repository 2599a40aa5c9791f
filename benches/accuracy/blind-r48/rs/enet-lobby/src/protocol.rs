use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum ClientMsg {
    Hello { token: String },
    MatchResult { token: String, map: String, score: i64 },
    Report { token: String, offender: String, reason: String },
}

#[derive(Debug, Serialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum ServerMsg {
    Welcome { player: String },
    Rank { map: String, rank: u64 },
    Error { message: String },
}
