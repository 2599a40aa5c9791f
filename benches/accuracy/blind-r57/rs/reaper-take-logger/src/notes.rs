//! Session-notes sync, triggered by the TAKELOG_SYNC_NOTES action and the
//! "mark keeper" action. Both run on REAPER's main thread when the engineer
//! presses the bound key; the HTTP client is built once and reused.

use std::sync::OnceLock;
use std::time::Duration;

use serde::Serialize;

use crate::Settings;

static SETTINGS: OnceLock<Settings> = OnceLock::new();
static HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();

#[derive(Serialize)]
struct NotesSync<'a> {
    room: &'a str,
    source: &'static str,
}

#[derive(Serialize)]
struct KeeperFlag {
    take_id: i64,
    keeper: bool,
}

pub fn init(settings: Settings) {
    let _ = SETTINGS.set(settings);
}

fn http() -> &'static reqwest::blocking::Client {
    HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .user_agent("reaper-take-logger/0.3")
            .build()
            .expect("http client")
    })
}

fn settings() -> &'static Settings {
    SETTINGS.get().expect("take-logger settings not initialised")
}

pub fn sync_session_notes() -> Result<(), reqwest::Error> {
    let s = settings();
    http()
        .post(&s.notes_url)
        .json(&NotesSync {
            room: &s.room,
            source: "reaper",
        })
        .send()?
        .error_for_status()?;
    Ok(())
}

pub fn flag_keeper(take_id: i64) -> Result<(), reqwest::Error> {
    let s = settings();
    let url = format!("{}/takes/{}", s.notes_url, take_id);
    http()
        .put(url)
        .json(&KeeperFlag {
            take_id,
            keeper: true,
        })
        .send()?
        .error_for_status()?;
    Ok(())
}
