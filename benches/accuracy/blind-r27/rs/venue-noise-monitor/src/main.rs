//! venue-noise-monitor: runs on the little box next to the FOH desk.
//!
//! The house measurement mic is opened through cpal; every input buffer is
//! turned into a dBFS reading, pushed to the live meter and, when the venue is
//! over its licence limit, the duty manager gets a webhook.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};

mod alert;
mod level;

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

fn main() -> anyhow::Result<()> {
    let venue = env_or("VENUE_ID", "main-hall");
    let threshold_db: f32 = env_or("THRESHOLD_DBFS", "-12.0").parse()?;
    let cooldown = Duration::from_secs(env_or("ALERT_COOLDOWN_SECS", "30").parse()?);

    // One session row per run of the monitor; the connection lives as long as the process.
    let mut db = postgres::Client::connect(&env_or("DATABASE_URL", "host=localhost user=noise"), postgres::NoTls)
        .context("connecting to the session log")?;
    let session_id: i64 = db
        .query_one(
            "INSERT INTO monitor_sessions (venue, threshold_dbfs, started_at) VALUES ($1, $2, now()) RETURNING id",
            &[&venue, &(threshold_db as f64)],
        )?
        .get(0);

    let host = cpal::default_host();
    let device = host.default_input_device().context("no input device")?;
    let supported = device.default_input_config()?;
    println!(
        "monitoring {venue} on {} at {} Hz (session {session_id})",
        device.name().unwrap_or_else(|_| "unknown".into()),
        supported.sample_rate().0
    );

    let last_alert = Arc::new(Mutex::new(Instant::now() - cooldown));
    let venue_cb = venue.clone();

    let stream = device.build_input_stream(
        &supported.into(),
        move |data: &[f32], _info: &cpal::InputCallbackInfo| {
            let reading = level::dbfs(data);
            level::record_peak(&venue_cb, reading);

            if reading > threshold_db {
                let mut last = last_alert.lock().unwrap();
                if last.elapsed() >= cooldown {
                    *last = Instant::now();
                    if let Err(e) = alert::send(&venue_cb, reading, threshold_db) {
                        eprintln!("alert failed: {e:#}");
                    }
                }
            }
        },
        |err| eprintln!("input stream error: {err}"),
        None,
    )?;
    stream.play()?;

    loop {
        std::thread::sleep(Duration::from_secs(60));
        db.execute(
            "UPDATE monitor_sessions SET heartbeat_at = now() WHERE id = $1",
            &[&session_id],
        )?;
    }
}
