use std::cell::{Cell, RefCell};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use postgres::NoTls;
use reaper_medium::{ControlSurface, ProjectContext, Reaper, SetPlayStateArgs};
use serde::Serialize;

use crate::Settings;

/// Id of the last take written, so the "mark keeper" action can flag it.
static LAST_TAKE: Mutex<Option<i64>> = Mutex::new(None);

#[derive(Serialize)]
struct Heartbeat<'a> {
    room: &'a str,
    tracks: u32,
    recording: bool,
}

#[derive(Debug)]
pub struct TakeSurface {
    reaper: Reaper,
    settings: Settings,
    recording: Cell<bool>,
    record_started_at: Cell<f64>,
    last_error: RefCell<Option<String>>,
    last_heartbeat: Instant,
}

impl TakeSurface {
    pub fn new(reaper: Reaper, settings: Settings) -> TakeSurface {
        TakeSurface {
            reaper,
            settings,
            recording: Cell::new(false),
            record_started_at: Cell::new(0.0),
            last_error: RefCell::new(None),
            last_heartbeat: Instant::now(),
        }
    }

    fn play_position(&self) -> f64 {
        self.reaper
            .get_play_position_2_ex(ProjectContext::CurrentProject)
            .get()
    }

    fn log_take(&self, started: f64, stopped: f64) -> Result<i64, postgres::Error> {
        let mut client = postgres::Client::connect(&self.settings.studio_dsn, NoTls)?;
        let row = client.query_one(
            "INSERT INTO takes (room, start_sec, end_sec, recorded_at) \
             VALUES ($1, $2, $3, now()) RETURNING id",
            &[&self.settings.room, &started, &stopped],
        )?;
        let id: i64 = row.get(0);
        client.close()?;
        Ok(id)
    }

    fn send_heartbeat(&self) {
        let tracks = self.reaper.count_tracks(ProjectContext::CurrentProject);
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build();
        let Ok(http) = http else { return };
        let body = Heartbeat {
            room: &self.settings.room,
            tracks,
            recording: self.recording.get(),
        };
        if let Err(e) = http.post(&self.settings.heartbeat_url).json(&body).send() {
            *self.last_error.borrow_mut() = Some(e.to_string());
        }
    }
}

impl ControlSurface for TakeSurface {
    // Called by REAPER's main loop, roughly 30 times per second.
    fn run(&mut self) {
        if self.last_heartbeat.elapsed() >= Duration::from_secs(15) {
            self.last_heartbeat = Instant::now();
            self.send_heartbeat();
        }
        if let Some(err) = self.last_error.borrow_mut().take() {
            self.reaper
                .show_console_msg(format!("take-logger: {err}\n").as_str());
        }
    }

    // Called on every transport change (play, pause, stop, record).
    fn set_play_state(&self, args: SetPlayStateArgs) {
        let was_recording = self.recording.replace(args.is_recording);
        if args.is_recording && !was_recording {
            self.record_started_at.set(self.play_position());
            return;
        }
        if was_recording && !args.is_recording {
            let started = self.record_started_at.get();
            let stopped = self.play_position();
            match self.log_take(started, stopped) {
                Ok(id) => *LAST_TAKE.lock().unwrap() = Some(id),
                Err(e) => *self.last_error.borrow_mut() = Some(e.to_string()),
            }
        }
    }
}

pub fn mark_last_take_as_keeper() {
    let Some(id) = *LAST_TAKE.lock().unwrap() else { return };
    if let Err(e) = crate::notes::flag_keeper(id) {
        eprintln!("take-logger: could not flag take {id}: {e}");
    }
}
