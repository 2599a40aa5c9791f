//! Pulse counter for the building's main water meter (reed switch, 1 pulse =
//! 1 litre) wired to a GPIO of a Raspberry Pi. Every pulse bumps today's
//! counter in Redis, which the lobby dashboard reads; a flush thread writes
//! per-minute totals to Postgres for the monthly billing report.

mod flush;

use std::env;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use log::{info, warn};
use redis::Commands;
use sysfs_gpio::{Direction, Edge, Pin};

/// Reed switches bounce; anything closer than this is the same pulse.
const DEBOUNCE: Duration = Duration::from_millis(40);

fn main() -> Result<()> {
    env_logger::init();
    let redis_url = env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let db_url = env::var("DATABASE_URL")?;
    let meter_id = env::var("METER_ID").unwrap_or_else(|_| "main-riser".into());
    let gpio: u64 = env::var("PULSE_GPIO").ok().and_then(|v| v.parse().ok()).unwrap_or(17);

    let (tx, rx) = mpsc::channel::<Instant>();
    let flush_meter = meter_id.clone();
    thread::Builder::new()
        .name("minute-flush".into())
        .spawn(move || flush::run(&db_url, &flush_meter, rx))?;

    let pin = Pin::new(gpio);
    pin.export()?;
    pin.set_direction(Direction::In)?;
    pin.set_edge(Edge::FallingEdge)?;
    let mut poller = pin.get_poller()?;
    info!("counting pulses on GPIO{gpio} for meter {meter_id}");

    let mut last_pulse: Option<Instant> = None;
    loop {
        match poller.poll(1_000)? {
            Some(0) => {
                let now = Instant::now();
                if last_pulse.is_some_and(|t| now.duration_since(t) < DEBOUNCE) {
                    continue;
                }
                last_pulse = Some(now);
                if let Err(e) = bump_counter(&redis_url, &meter_id) {
                    warn!("redis counter update failed: {e}");
                }
                if tx.send(now).is_err() {
                    anyhow::bail!("flush thread exited");
                }
            }
            Some(_) | None => {}
        }
    }
}

/// Runs once per litre.
fn bump_counter(redis_url: &str, meter_id: &str) -> redis::RedisResult<()> {
    let mut con = redis::Client::open(redis_url)?.get_connection()?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    let key = format!("water:{meter_id}:day:{}", now / 86_400);
    let _: i64 = con.incr(&key, 1)?;
    let _: bool = con.expire(&key, 8 * 86_400)?;
    let _: () = con.set(format!("water:{meter_id}:last_pulse"), now)?;
    Ok(())
}
