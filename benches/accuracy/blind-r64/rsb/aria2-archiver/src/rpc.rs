//! aria2 JSON-RPC over HTTP for request/response calls (tellStatus); the
//! WebSocket endpoint is used only for notifications.

use std::time::Duration;

use anyhow::{anyhow, Result};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct Status {
    pub gid: String,
    pub status: String,
    pub dir: String,
    #[serde(rename = "totalLength")]
    pub total_length: String,
    pub files: Vec<File>,
}

#[derive(Deserialize)]
pub struct File {
    pub path: String,
    pub length: String,
    pub selected: String,
}

#[derive(Deserialize)]
struct RpcReply<T> {
    result: Option<T>,
    error: Option<serde_json::Value>,
}

pub struct Aria2 {
    http: reqwest::Client,
    url: String,
    token: String,
}

impl Aria2 {
    pub fn new(url: &str, secret: &str) -> reqwest::Result<Aria2> {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;
        Ok(Aria2 { http, url: url.to_string(), token: format!("token:{secret}") })
    }

    pub async fn tell_status(&self, gid: &str) -> Result<Status> {
        let reply: RpcReply<Status> = self
            .http
            .post(&self.url)
            .json(&json!({
                "jsonrpc": "2.0", "id": gid, "method": "aria2.tellStatus",
                "params": [self.token, gid, ["gid", "status", "dir", "totalLength", "files"]],
            }))
            .send()
            .await?
            .json()
            .await?;
        reply.result.ok_or_else(|| anyhow!("tellStatus {gid}: {:?}", reply.error))
    }
}
