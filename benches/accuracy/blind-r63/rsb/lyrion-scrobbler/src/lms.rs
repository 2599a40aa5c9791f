//! Lyrion Music Server (ex Logitech Media Server) helpers: CLI notifications and JSON-RPC queries.
use std::time::Duration;

use anyhow::{anyhow, Result};
use percent_encoding::percent_decode_str;
use serde::Deserialize;
use serde_json::json;

/// One CLI notification line, e.g. `00%3A04%3A20%3A2a%3A1b%3A9c playlist newsong Song%20Title 4`.
pub fn decode_terms(line: &str) -> Vec<String> {
    line.split(' ')
        .map(|t| percent_decode_str(t).decode_utf8_lossy().into_owned())
        .collect()
}

#[derive(Debug, Deserialize)]
pub struct Track {
    pub title: String,
    #[serde(default)]
    pub artist: String,
    #[serde(default)]
    pub album: String,
    #[serde(default)]
    pub duration: f64,
}

#[derive(Deserialize)]
struct StatusResult {
    #[serde(default)]
    playlist_loop: Vec<Track>,
}

#[derive(Deserialize)]
struct RpcResponse {
    result: StatusResult,
}

/// Asks the server's JSON-RPC endpoint for the track now playing on `player_id`.
pub fn current_track(server: &str, player_id: &str) -> Result<Track> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;
    let resp: RpcResponse = http
        .post(format!("http://{server}:9000/jsonrpc.js"))
        .json(&json!({
            "id": 1,
            "method": "slim.request",
            "params": [player_id, ["status", "-", 1, "tags:ald"]],
        }))
        .send()?
        .error_for_status()?
        .json()?;
    resp.result
        .playlist_loop
        .into_iter()
        .next()
        .ok_or_else(|| anyhow!("player {player_id} has an empty playlist"))
}
