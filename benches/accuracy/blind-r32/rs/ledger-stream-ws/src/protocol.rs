use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    Open { account_id: String, from: String, to: String },
    Next { account_id: String, cursor_id: String },
}

impl Command {
    pub fn account_id(&self) -> &str {
        match self {
            Command::Open { account_id, .. } | Command::Next { account_id, .. } => account_id,
        }
    }
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    Opened { cursor_id: String },
    Page { rows: Vec<serde_json::Value>, done: bool },
    Error { message: String },
}
