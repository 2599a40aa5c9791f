use std::time::Duration;

use rustis::client::Client as Redis;
use rustis::commands::{ListCommands, SortedSetCommands};
use serde_json::json;

const LISTENBRAINZ: &str = "https://api.listenbrainz.org/1/submit-listens";

#[derive(Debug, Clone)]
pub struct TrackInfo {
    pub uri: String,
    pub title: String,
    pub artist: String,
    pub duration_ms: u32,
}

/// Holds the speaker's only Redis connection and HTTP client.
pub struct Scrobbler {
    redis: Redis,
    http: reqwest::Client,
    token: String,
    speaker: String,
}

impl Scrobbler {
    pub async fn connect(redis_url: &str, token: String, speaker: String) -> anyhow::Result<Self> {
        let redis = Redis::connect(redis_url).await?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self { redis, http, token, speaker })
    }

    fn payload(track: &TrackInfo) -> serde_json::Value {
        json!({
            "artist_name": track.artist,
            "track_name": track.title,
            "additional_info": {
                "spotify_id": track.uri,
                "duration_ms": track.duration_ms,
                "media_player": "librespot",
            }
        })
    }

    pub async fn now_playing(&self, track: &TrackInfo) -> anyhow::Result<()> {
        self.http
            .post(LISTENBRAINZ)
            .header("Authorization", format!("Token {}", self.token))
            .json(&json!({
                "listen_type": "playing_now",
                "payload": [{ "track_metadata": Self::payload(track) }],
            }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn listened(&self, track: &TrackInfo, listened_at: u64) -> anyhow::Result<()> {
        self.http
            .post(LISTENBRAINZ)
            .header("Authorization", format!("Token {}", self.token))
            .json(&json!({
                "listen_type": "single",
                "payload": [{ "listened_at": listened_at, "track_metadata": Self::payload(track) }],
            }))
            .send()
            .await?
            .error_for_status()?;

        let top_key = format!("speaker:{}:top", self.speaker);
        let recent_key = format!("speaker:{}:recent", self.speaker);
        let _: f64 = self.redis.zincrby(&top_key, 1.0, &track.uri).await?;
        let _: usize = self.redis.lpush(&recent_key, format!("{} — {}", track.artist, track.title)).await?;
        self.redis.ltrim(&recent_key, 0, 99).await?;
        Ok(())
    }
}
