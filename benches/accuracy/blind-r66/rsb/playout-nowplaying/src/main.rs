//! Overnight automation for the station: plays the rotation through the studio
//! sound card, pushes "now playing" to the Icecast mount and to the website, and
//! logs every play for the PRS/PPL music returns.
//!
//! Runs under systemd (`playout.service`) from midnight until the breakfast show.
mod playlog;
mod rotation;

use std::fs::File;
use std::io::BufReader;
use std::time::Duration;

use anyhow::Context;
use rodio::{Decoder, OutputStream, Sink};

struct Settings {
    library: String,
    icecast_admin: String,
    icecast_password: String,
    mount: String,
    site_hook: String,
}

impl Settings {
    fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            library: std::env::var("LIBRARY_DIR").unwrap_or_else(|_| "/srv/music/rotation".into()),
            icecast_admin: std::env::var("ICECAST_ADMIN").unwrap_or_else(|_| "http://127.0.0.1:8000".into()),
            icecast_password: std::env::var("ICECAST_ADMIN_PASSWORD").context("ICECAST_ADMIN_PASSWORD")?,
            mount: std::env::var("ICECAST_MOUNT").unwrap_or_else(|_| "/live".into()),
            site_hook: std::env::var("SITE_NOW_PLAYING_URL").context("SITE_NOW_PLAYING_URL")?,
        })
    }
}

fn main() -> anyhow::Result<()> {
    let settings = Settings::from_env()?;

    let (_stream, handle) = OutputStream::try_default().context("no audio output device")?;
    let sink = Sink::try_new(&handle)?;
    sink.set_volume(0.9);

    let mut rotation = rotation::Rotation::scan(&settings.library)?;
    eprintln!("playout: {} tracks in rotation", rotation.len());

    loop {
        let track = rotation.next_track();

        let file = match File::open(&track.path) {
            Ok(f) => BufReader::new(f),
            Err(e) => {
                eprintln!("playout: cannot open {}: {e}", track.path.display());
                continue;
            }
        };
        let source = match Decoder::new(file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("playout: cannot decode {}: {e}", track.path.display());
                continue;
            }
        };
        sink.append(source);

        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(4))
            .build()?;
        let song = track.display_title();
        if let Err(e) = http
            .get(format!("{}/admin/metadata", settings.icecast_admin))
            .basic_auth("admin", Some(&settings.icecast_password))
            .query(&[("mount", settings.mount.as_str()), ("mode", "updinfo"), ("song", song.as_str())])
            .send()
        {
            eprintln!("playout: icecast metadata update failed: {e}");
        }
        if let Err(e) = http.post(&settings.site_hook).json(&track.now_playing()).send() {
            eprintln!("playout: website hook failed: {e}");
        }

        match playlog::connect() {
            Ok(mut db) => {
                if let Err(e) = playlog::record_play(&mut db, &track) {
                    eprintln!("playout: play log insert failed: {e}");
                }
            }
            Err(e) => eprintln!("playout: play log unavailable: {e}"),
        }

        // Block until this track has finished before queueing the next one, so
        // the metadata stays in step with what is on air.
        sink.sleep_until_end();
    }
}
