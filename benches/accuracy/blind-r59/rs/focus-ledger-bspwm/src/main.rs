//! Started from bspwmrc. Follows `bspc subscribe` for the whole X session and
//! hands every node_focus / desktop_focus event to the tracker. If bspwm is
//! restarted (bspc wm -r) the subscription ends and is simply re-spawned;
//! the database session and HTTP client are created once, before that loop.

mod tracker;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use postgres::{Client, NoTls};

use tracker::Tracker;

fn connect_with_retry(url: &str) -> Client {
    let mut delay = Duration::from_secs(1);
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => return client,
            Err(e) => {
                // Laptop resumes before Wi-Fi/VPN are back: back off, then try again.
                log::warn!("database not reachable yet: {e}; retrying in {delay:?}");
                std::thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(60));
            }
        }
    }
}

fn main() {
    env_logger::init();
    let url = std::env::var("FOCUS_DATABASE_URL").expect("FOCUS_DATABASE_URL");
    let db = connect_with_retry(&url);
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("http client");
    let mut tracker = Tracker::new(db, url, http, std::env::var("TIMESHEET_API").ok());

    loop {
        let mut child = match Command::new("bspc")
            .args(["subscribe", "node_focus", "desktop_focus"])
            .stdout(Stdio::piped())
            .spawn()
        {
            Ok(c) => c,
            Err(e) => {
                log::error!("cannot run bspc: {e}");
                std::thread::sleep(Duration::from_secs(5));
                continue;
            }
        };
        let stdout = child.stdout.take().expect("piped stdout");
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                ["node_focus", _monitor, desktop, node] => tracker.on_focus(desktop, Some(node)),
                ["desktop_focus", _monitor, desktop] => tracker.on_focus(desktop, None),
                _ => log::debug!("ignored event: {line}"),
            }
        }
        let _ = child.wait();
        log::info!("bspc subscription ended (wm restart?), re-subscribing");
        std::thread::sleep(Duration::from_secs(1));
    }
}
