use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::Context;
use librespot::connect::{config::ConnectConfig, spirc::Spirc};
use librespot::core::{cache::Cache, config::SessionConfig, session::Session};
use librespot::metadata::audio::UniqueFields;
use librespot::playback::{
    audio_backend,
    config::{AudioFormat, PlayerConfig},
    mixer::{self, MixerConfig},
    player::{Player, PlayerEvent},
};

mod scrobble;

use scrobble::{Scrobbler, TrackInfo};

/// ListenBrainz rule: a listen counts after half the track or 4 minutes.
fn counts_as_listen(played_ms: u128, duration_ms: u32) -> bool {
    played_ms >= (duration_ms as u128) / 2 || played_ms >= 240_000
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let redis_url = std::env::var("STATS_REDIS_URL").context("STATS_REDIS_URL is not set")?;
    let lb_token = std::env::var("LISTENBRAINZ_TOKEN").context("LISTENBRAINZ_TOKEN is not set")?;
    let speaker_name = std::env::var("SPEAKER_NAME").unwrap_or_else(|_| "Office".into());

    // built once; the event loop below only borrows it
    let scrobbler = Arc::new(Scrobbler::connect(&redis_url, lb_token, speaker_name.clone()).await?);

    let cache = Cache::new(Some("/var/lib/speaker"), None, None, None)?;
    let credentials = cache
        .credentials()
        .context("no cached credentials; run the pairing step first")?;
    let session = Session::new(SessionConfig::default(), Some(cache));

    let mixer = mixer::find(None).context("no mixer")?(MixerConfig::default());
    let backend = audio_backend::find(None).context("no audio backend")?;
    let player = Player::new(
        PlayerConfig::default(),
        session.clone(),
        mixer.get_soft_volume(),
        move || backend(None, AudioFormat::default()),
    );
    let mut events = player.get_player_event_channel();

    let connect_config = ConnectConfig {
        name: speaker_name,
        ..Default::default()
    };
    let (spirc, spirc_task) = Spirc::new(connect_config, session, credentials, player, mixer).await?;
    tokio::spawn(spirc_task);

    let mut current: Option<(TrackInfo, Instant)> = None;
    loop {
        tokio::select! {
            Some(event) = events.recv() => match event {
                PlayerEvent::TrackChanged { audio_item } => {
                    let artist = match &audio_item.unique_fields {
                        UniqueFields::Track { album_artists, .. } => album_artists.join(", "),
                        UniqueFields::Episode { show_name, .. } => show_name.clone(),
                    };
                    current = Some((
                        TrackInfo {
                            uri: audio_item.uri.clone(),
                            title: audio_item.name.clone(),
                            artist,
                            duration_ms: audio_item.duration_ms,
                        },
                        Instant::now(),
                    ));
                }
                PlayerEvent::Playing { .. } => {
                    if let Some((track, _)) = &current {
                        if let Err(e) = scrobbler.now_playing(track).await {
                            log::warn!("now-playing update failed: {e:#}");
                        }
                    }
                }
                PlayerEvent::EndOfTrack { .. } | PlayerEvent::Stopped { .. } => {
                    if let Some((track, started)) = current.take() {
                        if counts_as_listen(started.elapsed().as_millis(), track.duration_ms) {
                            let listened_at = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
                            if let Err(e) = scrobbler.listened(&track, listened_at).await {
                                log::warn!("scrobble of {} failed: {e:#}", track.title);
                            }
                        }
                    }
                }
                _ => {}
            },
            _ = tokio::signal::ctrl_c() => {
                spirc.shutdown()?;
                break;
            }
        }
    }
    Ok(())
}
