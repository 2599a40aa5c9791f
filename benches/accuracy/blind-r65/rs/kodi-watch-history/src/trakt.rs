use std::time::Duration;

use anyhow::Result;
use serde_json::{json, Value};

pub struct Trakt {
    http: reqwest::Client,
    client_id: String,
    token: String,
}

impl Trakt {
    pub fn new(client_id: String, token: String) -> Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .user_agent("kodi-watch-history/0.2")
            .build()?;
        Ok(Self { http, client_id, token })
    }

    /// POST /scrobble/stop with progress 100 marks the item as watched.
    pub async fn scrobble_stop(&self, item: &Value) -> Result<()> {
        let body = match item["type"].as_str() {
            Some("episode") => json!({ "episode": { "ids": { "tvdb": item["uniqueid"]["tvdb"] } }, "progress": 100 }),
            _ => json!({ "movie": { "ids": { "imdb": item["uniqueid"]["imdb"] } }, "progress": 100 }),
        };
        self.http
            .post("https://api.trakt.tv/scrobble/stop")
            .bearer_auth(&self.token)
            .header("trakt-api-version", "2")
            .header("trakt-api-key", &self.client_id)
            .json(&body)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
