//! Subscribes to niri's IPC event stream and writes one row per focus change.
//!
//! Run as a systemd user service next to the compositor:
//!   ExecStart=%h/.cargo/bin/niri-focus-tracker
mod db;
mod slack;

use std::collections::HashMap;
use std::env;
use std::time::{Duration, Instant};

use niri_ipc::socket::Socket;
use niri_ipc::{Event, Request, Response, Window};

/// Apps that trigger a nudge when they keep focus for too long.
const DISTRACTIONS: &[&str] = &["org.telegram.desktop", "discord", "steam"];
const NUDGE_AFTER: Duration = Duration::from_secs(40 * 60);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let webhook = env::var("FOCUS_SLACK_WEBHOOK").ok();

    let mut socket = Socket::connect()?;
    match socket.send(Request::EventStream)? {
        Ok(Response::Handled) => {}
        Ok(other) => return Err(format!("unexpected reply from niri: {other:?}").into()),
        Err(msg) => return Err(msg.into()),
    }

    let mut windows: HashMap<u64, Window> = HashMap::new();
    let mut focused: Option<(String, Instant)> = None;
    let mut read_event = socket.read_events();

    loop {
        match read_event()? {
            Event::WindowsChanged { windows: all } => {
                windows = all.into_iter().map(|w| (w.id, w)).collect();
            }
            Event::WindowOpenedOrChanged { window } => {
                windows.insert(window.id, window);
            }
            Event::WindowClosed { id } => {
                windows.remove(&id);
            }
            Event::WindowFocusChanged { id: Some(id) } => {
                let Some(win) = windows.get(&id) else { continue };
                let app_id = win.app_id.clone().unwrap_or_else(|| "unknown".into());
                let title = win.title.clone().unwrap_or_default();

                if let Some((prev_app, since)) = focused.take() {
                    let spent = since.elapsed();
                    if spent >= NUDGE_AFTER && DISTRACTIONS.contains(&prev_app.as_str()) {
                        if let Some(url) = webhook.as_deref() {
                            if let Err(err) = slack::nudge(url, &prev_app, spent) {
                                eprintln!("slack nudge failed: {err}");
                            }
                        }
                    }
                }

                let mut client = db::connect()?;
                db::record_focus(&mut client, &app_id, &title, win.workspace_id)?;
                focused = Some((app_id, Instant::now()));
            }
            Event::WindowFocusChanged { id: None } => {
                focused = None;
            }
            _ => {}
        }
    }
}
