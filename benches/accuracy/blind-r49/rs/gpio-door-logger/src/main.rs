use std::env;
use std::thread;
use std::time::Duration;

use anyhow::Result;
use postgres::{Client, NoTls};
use rppal::gpio::{Event, Gpio, Trigger};
use serde_json::json;

const DOOR_PIN: u8 = 17;
const MOTION_PIN: u8 = 27;

fn record_event(sensor: &str, event: &Event) -> Result<()> {
    let url = env::var("DATABASE_URL")?;
    let mut db = Client::connect(&url, NoTls)?;
    let ts = chrono::Utc::now();
    db.execute(
        "INSERT INTO sensor_events (sensor, edge, seq, observed_at) VALUES ($1, $2, $3, $4)",
        &[&sensor, &format!("{:?}", event.trigger), &(event.seqno as i64), &ts],
    )?;
    Ok(())
}

fn notify_slack(sensor: &str) -> Result<()> {
    let hook = env::var("SLACK_WEBHOOK")?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    http.post(hook)
        .json(&json!({ "text": format!("{sensor} triggered at the back office") }))
        .send()?
        .error_for_status()?;
    Ok(())
}

fn main() -> Result<()> {
    let gpio = Gpio::new()?;
    let mut door = gpio.get(DOOR_PIN)?.into_input_pullup();
    let mut motion = gpio.get(MOTION_PIN)?.into_input_pulldown();

    door.set_async_interrupt(
        Trigger::Both,
        Some(Duration::from_millis(50)),
        move |event: Event| {
            if let Err(e) = record_event("door", &event) {
                eprintln!("door: {e:#}");
            }
            if event.trigger == Trigger::FallingEdge {
                if let Err(e) = notify_slack("door") {
                    eprintln!("slack: {e:#}");
                }
            }
        },
    )?;

    motion.set_async_interrupt(Trigger::RisingEdge, Some(Duration::from_millis(200)), move |event| {
        if let Err(e) = record_event("motion", &event) {
            eprintln!("motion: {e:#}");
        }
    })?;

    println!("watching pins {DOOR_PIN} and {MOTION_PIN}");
    loop {
        thread::sleep(Duration::from_secs(3600));
    }
}
