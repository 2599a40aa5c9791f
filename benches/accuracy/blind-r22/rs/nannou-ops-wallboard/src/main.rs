//! Full-screen wallboard on the NOC TV: live order rate, queue depth and
//! upstream status. `update` runs every frame; data sources are polled on a
//! timer through clients opened once in `model`.

mod sources;

use std::time::{Duration, Instant};

use nannou::prelude::*;

use crate::sources::{Snapshot, Sources};

const POLL_EVERY: Duration = Duration::from_secs(2);

struct Model {
    sources: Sources,
    snapshot: Snapshot,
    last_poll: Instant,
    error: Option<String>,
}

fn main() {
    nannou::app(model).update(update).run();
}

fn model(app: &App) -> Model {
    app.new_window()
        .title("Ops wallboard")
        .size(1920, 1080)
        .view(view)
        .key_pressed(key_pressed)
        .build()
        .unwrap();

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let status_url = std::env::var("STATUS_URL")
        .unwrap_or_else(|_| "https://status.internal.example.com/api/v2/summary.json".into());
    let sources = Sources::connect(&redis_url, &status_url).expect("wallboard data sources");

    Model {
        sources,
        snapshot: Snapshot::default(),
        last_poll: Instant::now() - POLL_EVERY,
        error: None,
    }
}

fn refresh(model: &mut Model) {
    model.last_poll = Instant::now();
    match model.sources.poll() {
        Ok(snapshot) => {
            model.snapshot = snapshot;
            model.error = None;
        }
        Err(e) => model.error = Some(format!("{e:#}")),
    }
}

fn update(_app: &App, model: &mut Model, _update: Update) {
    if model.last_poll.elapsed() >= POLL_EVERY {
        refresh(model);
    }
}

fn key_pressed(_app: &App, model: &mut Model, key: Key) {
    if key == Key::R {
        refresh(model);
    }
}

fn view(app: &App, model: &Model, frame: Frame) {
    let draw = app.draw();
    let win = app.window_rect();
    draw.background().color(rgb(0.06, 0.07, 0.09));

    let s = &model.snapshot;
    let tiles = [
        ("orders / min", format!("{}", s.orders_per_minute)),
        ("checkout queue", format!("{}", s.queue_depth)),
        ("payment p95", format!("{} ms", s.payment_p95_ms)),
    ];
    for (i, (label, value)) in tiles.iter().enumerate() {
        let x = win.left() + win.w() * (i as f32 + 0.5) / 3.0;
        draw.text(value).x_y(x, 60.0).font_size(96).w(win.w() / 3.0).color(WHITE);
        draw.text(label).x_y(x, -40.0).font_size(28).w(win.w() / 3.0).color(GRAY);
    }

    let (status_color, status_text) = match (&model.error, s.upstream_ok) {
        (Some(e), _) => (ORANGE, format!("data source error: {e}")),
        (None, true) => (GREEN, "all upstreams operational".to_string()),
        (None, false) => (RED, s.upstream_summary.clone()),
    };
    draw.rect().x_y(0.0, win.bottom() + 40.0).w_h(win.w(), 80.0).color(status_color);
    draw.text(&status_text).x_y(0.0, win.bottom() + 40.0).font_size(32).w(win.w()).color(BLACK);

    draw.to_frame(app, &frame).unwrap();
}
