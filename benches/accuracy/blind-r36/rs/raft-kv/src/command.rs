use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum FlagCommand {
    Set { key: String, value: serde_json::Value },
    Delete { key: String },
}

impl FlagCommand {
    pub fn key(&self) -> &str {
        match self {
            FlagCommand::Set { key, .. } | FlagCommand::Delete { key } => key,
        }
    }

    pub fn parse_line(line: &str) -> Option<FlagCommand> {
        let mut parts = line.splitn(3, ' ');
        match (parts.next()?, parts.next()?, parts.next()) {
            ("SET", key, Some(raw)) => Some(FlagCommand::Set {
                key: key.to_string(),
                value: serde_json::from_str(raw).ok()?,
            }),
            ("DEL", key, None) => Some(FlagCommand::Delete { key: key.to_string() }),
            _ => None,
        }
    }
}
