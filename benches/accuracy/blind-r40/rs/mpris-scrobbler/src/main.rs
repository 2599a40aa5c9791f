//! Runs as a systemd --user service. Waits for an MPRIS-capable player
//! (Spotify, mpv, Strawberry...), then follows its event stream for as long
//! as the player lives.

use std::thread::sleep;
use std::time::Duration;

use mpris::{Event, PlayerFinder};

mod history;
mod scrobble;

fn main() -> anyhow::Result<()> {
    let finder = PlayerFinder::new()?;

    loop {
        let player = match finder.find_active() {
            Ok(player) => player,
            Err(err) => {
                eprintln!("no active player yet: {err}");
                sleep(Duration::from_secs(10));
                continue;
            }
        };
        println!("following {}", player.identity());

        let mut current: Option<history::Track> = None;
        for event in player.events()? {
            match event? {
                Event::TrackChanged(metadata) => {
                    if let Some(finished) = current.take() {
                        if let Err(err) = on_track_finished(&finished) {
                            eprintln!("could not record {}: {err:#}", finished.title);
                        }
                    }
                    current = history::Track::from_metadata(&metadata);
                }
                Event::Playing => {
                    if let Some(track) = current.as_mut() {
                        track.resumed();
                    }
                }
                Event::Paused | Event::Stopped => {
                    if let Some(track) = current.as_mut() {
                        track.paused();
                    }
                }
                Event::PlayerShutDown => break,
                _ => {}
            }
        }
        println!("player went away, waiting for the next one");
    }
}

fn on_track_finished(track: &history::Track) -> anyhow::Result<()> {
    history::record_play(track)?;
    if track.listened_enough() {
        scrobble::submit(track)?;
    }
    Ok(())
}
