mod cloud;
mod db;
mod sensor;

use std::thread;
use std::time::{Duration, Instant};

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let bus = std::env::var("I2C_BUS").unwrap_or_else(|_| "/dev/i2c-1".into());
    let db_url = std::env::var("DATABASE_URL")?;
    let dashboard = std::env::var("DASHBOARD_URL")?;
    let token = std::env::var("DASHBOARD_TOKEN")?;
    let house = std::env::var("GREENHOUSE_ID").unwrap_or_else(|_| "gh-1".into());

    let mut sht = sensor::Sht31::open(&bus, 0x44)?;
    let mut store = db::Store::open(&db_url)?;
    log::info!("greenhouse {house}: sampling every 10 s");

    let period = Duration::from_secs(10);
    loop {
        let started = Instant::now();
        match sht.measure() {
            Ok(reading) => {
                if let Err(e) = store.record(&house, &reading) {
                    log::error!("local store failed: {e}");
                }
                if let Err(e) = cloud::upload(&dashboard, &token, &house, &reading) {
                    log::warn!("dashboard upload failed: {e}");
                }
            }
            Err(e) => log::warn!("sensor read failed: {e}"),
        }
        if let Some(rest) = period.checked_sub(started.elapsed()) {
            thread::sleep(rest);
        }
    }
}
