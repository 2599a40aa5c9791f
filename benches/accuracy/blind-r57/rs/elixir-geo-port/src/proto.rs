use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    Reverse { lat: f64, lon: f64 },
    Zone { lat: f64, lon: f64 },
    Ping,
}

#[derive(Debug, Deserialize)]
pub struct Request {
    pub id: u64,
    #[serde(flatten)]
    pub op: Op,
}

#[derive(Debug, Serialize, Deserialize, Clone)]
pub struct Place {
    pub label: String,
    pub zone: Option<String>,
    pub source: String,
}

#[derive(Debug, Serialize)]
pub struct Reply {
    pub id: u64,
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Reply {
    pub fn ok(id: u64, result: serde_json::Value) -> Reply {
        Reply { id, ok: true, result: Some(result), error: None }
    }

    pub fn error(id: u64, error: String) -> Reply {
        Reply { id, ok: false, result: None, error: Some(error) }
    }
}
