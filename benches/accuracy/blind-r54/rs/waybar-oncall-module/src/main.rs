//! Long-running waybar module. Prints one JSON line every REFRESH seconds.

mod sources;

use std::io::{self, Write};
use std::thread::sleep;
use std::time::Duration;

use serde::Serialize;

use crate::sources::{connect_with_retry, OnCallApi};

const REFRESH: Duration = Duration::from_secs(30);

#[derive(Serialize)]
struct WaybarOutput {
    text: String,
    tooltip: String,
    class: &'static str,
    alt: &'static str,
}

fn main() {
    let dsn = std::env::var("ONCALL_DSN")
        .unwrap_or_else(|_| "host=incidents-db.internal user=waybar dbname=incidents".to_string());
    let api = OnCallApi::new(
        std::env::var("ONCALL_API").unwrap_or_else(|_| "https://oncall.internal.example.com".into()),
        std::env::var("ONCALL_TOKEN").unwrap_or_default(),
    );

    // waybar restarts us after `restart-interval` if we exit, so a missing
    // database at login just means we retry for a while before giving up.
    let mut db = match connect_with_retry(&dsn, 10) {
        Some(client) => client,
        None => std::process::exit(1),
    };

    let stdout = io::stdout();
    loop {
        if db.is_closed() {
            match connect_with_retry(&dsn, 3) {
                Some(client) => db = client,
                None => std::process::exit(1),
            }
        }

        let open = sources::open_incidents(&mut db).unwrap_or(-1);
        let who = api.current_primary().unwrap_or_else(|| "?".to_string());

        let out = WaybarOutput {
            text: if open > 0 { format!("{who} · {open}") } else { who.clone() },
            tooltip: format!("primary on call: {who}\nopen incidents: {open}"),
            class: if open > 0 { "incidents" } else { "quiet" },
            alt: if open > 0 { "incidents" } else { "quiet" },
        };

        let mut lock = stdout.lock();
        if serde_json::to_writer(&mut lock, &out).is_err() || writeln!(lock).is_err() {
            // waybar went away
            break;
        }
        let _ = lock.flush();
        drop(lock);

        sleep(REFRESH);
    }
}
