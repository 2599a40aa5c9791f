//! The rdev callback fires for every key press, click and mouse move. It
//! does nothing but push a tiny enum into a channel; a single aggregator
//! thread owns the database connection and the HTTP agent.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use log::error;
use rdev::{listen, Event, EventType};

mod flush;

pub enum Activity {
    Key,
    Click,
    Move,
    Scroll,
}

fn classify(event: &Event) -> Option<Activity> {
    match event.event_type {
        EventType::KeyPress(_) => Some(Activity::Key),
        EventType::ButtonPress(_) => Some(Activity::Click),
        EventType::MouseMove { .. } => Some(Activity::Move),
        EventType::Wheel { .. } => Some(Activity::Scroll),
        _ => None,
    }
}

fn main() {
    env_logger::init();

    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    let (tx, rx) = mpsc::channel::<Activity>();

    let aggregator = thread::Builder::new()
        .name("deskpulse-flush".into())
        .spawn(move || {
            let mut sink = flush::Sink::connect_with_retry(&user, 10, Duration::from_secs(3));
            sink.run(rx, Duration::from_secs(60));
        })
        .expect("spawn aggregator");

    // Blocks for the lifetime of the process; the closure runs per input event.
    if let Err(e) = listen(move |event| {
        if let Some(activity) = classify(&event) {
            let _ = tx.send(activity);
        }
    }) {
        error!("rdev listen failed: {e:?}");
    }

    let _ = aggregator.join();
}
