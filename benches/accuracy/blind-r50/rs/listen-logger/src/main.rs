mod store;

use std::time::Duration;

use rspotify::model::{AdditionalType, PlayableItem};
use rspotify::prelude::*;
use rspotify::{scopes, AuthCodeSpotify, Config, Credentials, OAuth};
use serde_json::json;

struct Clients {
    spotify: AuthCodeSpotify,
    pool: deadpool_postgres::Pool,
    http: reqwest::Client,
    listenbrainz_token: String,
}

async fn build_clients() -> anyhow::Result<Clients> {
    let creds = Credentials::from_env().ok_or_else(|| anyhow::anyhow!("RSPOTIFY_CLIENT_ID/SECRET missing"))?;
    let oauth = OAuth::from_env(scopes!("user-read-currently-playing"))
        .ok_or_else(|| anyhow::anyhow!("RSPOTIFY_REDIRECT_URI missing"))?;
    let config = Config { token_cached: true, token_refreshing: true, ..Default::default() };
    let spotify = AuthCodeSpotify::with_config(creds, oauth, config);
    let url = spotify.get_authorize_url(false)?;
    spotify.prompt_for_token(&url).await?;

    Ok(Clients {
        spotify,
        pool: store::make_pool(&std::env::var("DATABASE_URL")?)?,
        http: reqwest::Client::new(),
        listenbrainz_token: std::env::var("LISTENBRAINZ_TOKEN")?,
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let clients = build_clients().await?;
    let mut last_track: Option<String> = None;
    let mut tick = tokio::time::interval(Duration::from_secs(15));

    loop {
        tick.tick().await;
        let playing = match clients.spotify.current_playing(None, None::<Vec<&AdditionalType>>).await {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(error = %e, "spotify poll failed");
                continue;
            }
        };
        let Some(ctx) = playing.filter(|c| c.is_playing) else { continue };
        let Some(PlayableItem::Track(track)) = ctx.item else { continue };
        let Some(id) = track.id.as_ref().map(|i| i.id().to_string()) else { continue };
        if last_track.as_deref() == Some(id.as_str()) {
            continue;
        }
        let artist = track.artists.first().map(|a| a.name.clone()).unwrap_or_default();
        let duration_ms = track.duration.num_milliseconds();

        if let Err(e) = store::record_listen(&clients.pool, &id, &track.name, &artist, duration_ms).await {
            tracing::error!(error = %e, "failed to store listen");
        }
        let submit = clients
            .http
            .post("https://api.listenbrainz.org/1/submit-listens")
            .header("Authorization", format!("Token {}", clients.listenbrainz_token))
            .json(&json!({
                "listen_type": "playing_now",
                "payload": [{ "track_metadata": { "artist_name": artist, "track_name": track.name } }]
            }))
            .send()
            .await;
        if let Err(e) = submit {
            tracing::warn!(error = %e, "listenbrainz submit failed");
        }
        last_track = Some(id);
    }
}
