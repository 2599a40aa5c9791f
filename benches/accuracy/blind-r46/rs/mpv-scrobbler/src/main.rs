//! Living-room media box: plays the playlist given on the command line in an
//! embedded mpv and records what was played.

mod history;
mod listenbrainz;
mod stats;

use libmpv::events::{Event, PropertyData};
use libmpv::{FileState, Format, Mpv};

fn main() -> anyhow::Result<()> {
    let playlist = std::env::args().nth(1).unwrap_or_else(|| "/srv/media/playlist.m3u".into());
    let lb_token = std::env::var("LISTENBRAINZ_TOKEN").ok();

    let history = history::History::connect()?;
    let stats = stats::Stats::connect()?;

    let mpv = Mpv::new().map_err(|e| anyhow::anyhow!("mpv init: {e}"))?;
    mpv.set_property("vo", "gpu").ok();
    mpv.set_property("fullscreen", true).ok();
    mpv.playlist_load_files(&[(&playlist, FileState::AppendPlay, None)])
        .map_err(|e| anyhow::anyhow!("load playlist: {e}"))?;

    let mut ev = mpv.create_event_context();
    ev.observe_property("media-title", Format::String, 1)
        .map_err(|e| anyhow::anyhow!("observe: {e}"))?;

    let mut current_path = String::new();
    loop {
        match ev.wait_event(600.0) {
            Some(Ok(Event::PropertyChange { name: "media-title", change: PropertyData::Str(title), .. })) => {
                current_path = mpv.get_property::<String>("path").unwrap_or_default();
                history.started(title, &current_path)?;
                if let Some(token) = lb_token.as_deref() {
                    if let Err(e) = listenbrainz::submit_playing_now(token, title) {
                        eprintln!("listenbrainz: {e}");
                    }
                }
            }
            Some(Ok(Event::EndFile(_))) if !current_path.is_empty() => {
                stats.finished(&current_path)?;
            }
            Some(Ok(Event::Shutdown)) => break,
            Some(Err(e)) => eprintln!("mpv event error: {e}"),
            _ => {}
        }
    }
    Ok(())
}
