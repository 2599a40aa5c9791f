//! MPD's `idle player` blocks until the player subsystem changes (track change,
//! pause, stop). Every wake-up is one event; all clients used by the handler
//! are built before the loop starts.

use std::thread::sleep;
use std::time::Duration;

use mpd::idle::{Idle, Subsystem};
use mpd::State;

mod clients;
mod plays;

fn main() -> anyhow::Result<()> {
    let services = clients::Services::connect()?;
    let mut mpd = connect_mpd()?;
    let mut last_file: Option<String> = None;

    loop {
        mpd.wait(&[Subsystem::Player])?;

        let status = mpd.status()?;
        if status.state != State::Play {
            services.clear_now_playing()?;
            continue;
        }
        let Some(song) = mpd.currentsong()? else { continue };
        if last_file.as_deref() == Some(song.file.as_str()) {
            continue; // seek or resume within the same track
        }
        last_file = Some(song.file.clone());

        let play = plays::Play::from_song(&song);
        if let Err(err) = plays::log_play(&services, &play) {
            eprintln!("royalty log failed for {}: {err:#}", play.file);
        }
        if let Err(err) = services.publish_now_playing(&play) {
            eprintln!("now-playing update failed: {err:#}");
        }
    }
}

/// Playout and this logger start together on the studio box; MPD may take a
/// few seconds to open its socket.
fn connect_mpd() -> anyhow::Result<mpd::Client> {
    let addr = std::env::var("MPD_ADDR").unwrap_or_else(|_| "127.0.0.1:6600".to_owned());
    for attempt in 1..=20 {
        match mpd::Client::connect(addr.as_str()) {
            Ok(client) => return Ok(client),
            Err(err) => {
                eprintln!("mpd not up yet ({err}), attempt {attempt}/20");
                sleep(Duration::from_secs(1));
            }
        }
    }
    anyhow::bail!("mpd never came up at {addr}")
}
