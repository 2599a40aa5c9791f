use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use log::{info, warn};
use rusqlite::params;
use winit::application::ApplicationHandler;
use winit::event::{ElementState, WindowEvent};
use winit::event_loop::{ActiveEventLoop, ControlFlow};
use winit::keyboard::{Key, NamedKey};
use winit::window::{Fullscreen, Window, WindowId};

pub struct Kiosk {
    db: rusqlite::Connection,
    http: reqwest::blocking::Client,
    api: String,
    window: Option<Window>,
    badge: String,
    status: String,
    last_flush: Instant,
}

impl Kiosk {
    pub fn new(db: rusqlite::Connection, http: reqwest::blocking::Client, api: String) -> Self {
        Self {
            db,
            http,
            api,
            window: None,
            badge: String::new(),
            status: "Scan your badge".into(),
            last_flush: Instant::now(),
        }
    }

    fn post_checkin(&self, badge: &str, at: i64) -> reqwest::Result<()> {
        self.http
            .post(format!("{}/checkins", self.api))
            .json(&serde_json::json!({ "badge": badge, "scanned_at": at }))
            .send()?
            .error_for_status()
            .map(|_| ())
    }

    fn submit(&mut self) {
        let badge = std::mem::take(&mut self.badge);
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
        self.status = match self.post_checkin(&badge, now) {
            Ok(()) => format!("Welcome, {badge}!"),
            Err(e) => {
                warn!("offline, queueing {badge}: {e}");
                let _ = self.db.execute(
                    "INSERT INTO pending_checkins (badge, scanned_at) VALUES (?1, ?2)",
                    params![badge, now],
                );
                "Checked in (offline)".into()
            }
        };
        if let Some(w) = &self.window {
            w.request_redraw();
        }
    }

    fn flush_offline(&mut self) -> anyhow::Result<()> {
        let pending: Vec<(i64, String, i64)> = {
            let mut stmt = self
                .db
                .prepare("SELECT id, badge, scanned_at FROM pending_checkins ORDER BY id LIMIT 50")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (id, badge, at) in pending {
            self.post_checkin(&badge, at)?;
            self.db.execute("DELETE FROM pending_checkins WHERE id = ?1", params![id])?;
        }
        Ok(())
    }
}

impl ApplicationHandler for Kiosk {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.window.is_none() {
            let attrs = Window::default_attributes()
                .with_title("Check-in")
                .with_fullscreen(Some(Fullscreen::Borderless(None)));
            self.window = Some(event_loop.create_window(attrs).expect("create kiosk window"));
            info!("kiosk window created");
        }
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, _id: WindowId, event: WindowEvent) {
        match event {
            WindowEvent::CloseRequested => event_loop.exit(),
            WindowEvent::KeyboardInput { event, .. } if event.state == ElementState::Pressed => {
                match event.logical_key {
                    Key::Named(NamedKey::Enter) if !self.badge.is_empty() => self.submit(),
                    Key::Named(NamedKey::Escape) => self.badge.clear(),
                    Key::Character(s) => self.badge.push_str(s.as_str()),
                    _ => {}
                }
            }
            WindowEvent::RedrawRequested => {
                if let Some(w) = &self.window {
                    w.set_title(&format!("Check-in — {}", self.status));
                }
            }
            _ => {}
        }
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        if self.last_flush.elapsed() >= Duration::from_secs(30) {
            if let Err(e) = self.flush_offline() {
                warn!("offline queue flush stopped: {e}");
            }
            self.last_flush = Instant::now();
        }
        event_loop.set_control_flow(ControlFlow::WaitUntil(Instant::now() + Duration::from_secs(1)));
    }
}
