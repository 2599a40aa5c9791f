//! Lobby departures screen: renders at 30 fps, schedule from the depot DB,
//! live delays from the transit feed on a background thread.
mod feed;

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use postgres::{Client, NoTls};
use raylib::prelude::*;

struct Departure {
    line: String,
    destination: String,
    scheduled: String,
}

fn connect_with_retry(url: &str) -> Client {
    let mut attempt = 0u32;
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => break client,
            Err(e) => {
                attempt += 1;
                eprintln!("depot db not reachable (attempt {attempt}): {e}");
                thread::sleep(Duration::from_secs(u64::from(attempt.min(6)) * 5));
            }
        }
    }
}

fn load_schedule(db: &mut Client) -> Vec<Departure> {
    db.query(
        "SELECT line, destination, to_char(departs_at, 'HH24:MI') FROM departures
         WHERE stop_id = 'LOBBY' AND departs_at > now() ORDER BY departs_at LIMIT 12",
        &[],
    )
    .map(|rows| {
        rows.iter()
            .map(|r| Departure { line: r.get(0), destination: r.get(1), scheduled: r.get(2) })
            .collect()
    })
    .unwrap_or_default()
}

fn main() {
    let url = std::env::var("DEPOT_PG_URL").unwrap_or_else(|_| "postgres://board@depot-db/transit".into());
    let mut db = connect_with_retry(&url);
    let mut schedule = load_schedule(&mut db);

    let (tx, rx) = mpsc::channel();
    let http = feed::client();
    thread::spawn(move || feed::run(http, tx));
    let mut delays = feed::Delays::default();

    let (mut rl, thread) = raylib::init().size(1920, 1080).title("Departures").fullscreen().build();
    rl.set_target_fps(30);
    let mut frame: u64 = 0;

    while !rl.window_should_close() {
        frame += 1;
        if frame % (30 * 60) == 0 {
            if db.is_closed() {
                db = connect_with_retry(&url);
            }
            schedule = load_schedule(&mut db);
        }
        while let Ok(update) = rx.try_recv() {
            delays = update;
        }

        let mut d = rl.begin_drawing(&thread);
        d.clear_background(Color::new(10, 20, 40, 255));
        d.draw_text("DEPARTURES", 60, 40, 72, Color::GOLD);
        for (i, dep) in schedule.iter().enumerate() {
            let y = 160 + i as i32 * 70;
            let delay = delays.minutes.get(&dep.line).copied().unwrap_or(0);
            d.draw_text(&dep.line, 60, y, 56, Color::WHITE);
            d.draw_text(&dep.destination, 260, y, 56, Color::WHITE);
            d.draw_text(&dep.scheduled, 1300, y, 56, Color::WHITE);
            if delay > 0 {
                d.draw_text(&format!("+{delay}"), 1550, y, 56, Color::ORANGE);
            }
        }
    }
}
