//! Polls the focused window and turns consecutive samples into spans.
use active_win_pos_rs::get_active_window;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone)]
pub struct Span {
    pub app_name: String,
    pub title: String,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
}

#[derive(Default)]
pub struct Sampler {
    current: Option<Span>,
}

impl Sampler {
    pub fn new() -> Sampler {
        Sampler::default()
    }

    /// Takes one sample. Returns the previous span when focus moved to a
    /// different application or window title.
    pub fn sample(&mut self) -> Option<Span> {
        let now = Utc::now();
        let (app_name, title) = match get_active_window() {
            Ok(win) => (win.app_name, win.title),
            // locked screen / no focused window
            Err(()) => ("(idle)".to_string(), String::new()),
        };
        match &mut self.current {
            Some(span) if span.app_name == app_name && span.title == title => {
                span.ended_at = now;
                None
            }
            _ => {
                let fresh = Span { app_name, title, started_at: now, ended_at: now };
                self.current.replace(fresh).filter(|s| s.ended_at > s.started_at)
            }
        }
    }

    /// Closes the open span on shutdown.
    pub fn finish(&mut self) -> Option<Span> {
        self.current.take().map(|mut s| {
            s.ended_at = Utc::now();
            s
        })
    }
}
