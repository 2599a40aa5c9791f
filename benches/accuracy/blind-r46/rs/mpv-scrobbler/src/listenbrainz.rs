use std::time::{SystemTime, UNIX_EPOCH};

pub fn submit_playing_now(token: &str, title: &str) -> anyhow::Result<()> {
    let client = reqwest::blocking::Client::builder()
        .user_agent("mpv-scrobbler/0.6")
        .build()?;
    let listened_at = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    client
        .post("https://api.listenbrainz.org/1/submit-listens")
        .header("Authorization", format!("Token {token}"))
        .json(&serde_json::json!({
            "listen_type": "playing_now",
            "payload": [{ "listened_at": listened_at, "track_metadata": { "track_name": title, "artist_name": "" } }]
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
