use std::time::Duration;

use serde_json::json;

use crate::history::Track;

pub fn submit(track: &Track) -> anyhow::Result<()> {
    let endpoint = std::env::var("SCROBBLE_URL")
        .unwrap_or_else(|_| "https://scrobbles.example.net/api/v1/listens".to_owned());
    let token = std::env::var("SCROBBLE_TOKEN")?;

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("mpris-scrobbler/0.2")
        .build()?;

    http.post(&endpoint)
        .bearer_auth(token)
        .json(&json!({
            "listen_type": "single",
            "payload": [{
                "listened_at": track.started_unix,
                "track_metadata": {
                    "artist_name": track.artist,
                    "track_name": track.title,
                    "release_name": track.album,
                }
            }]
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
