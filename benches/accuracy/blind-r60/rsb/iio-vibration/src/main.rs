//! Runs on the cell gateway (Yocto, aarch64). One thread per accelerometer: the IIO
//! triggered buffer is refilled (1024 samples at 1 kHz, so about once a second) and the
//! per-axis RMS is stored; an RMS above the alarm threshold pages the maintenance team.

mod housekeeping;

use std::thread;

use anyhow::{anyhow, Context};
use industrial_io as iio;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

const SENSORS: &[&str] = &["adxl355-spindle", "adxl355-gearbox", "adxl355-coolant"];
const AXES: [&str; 3] = ["accel_x", "accel_y", "accel_z"];
const RMS_ALARM_MS2: f64 = 18.0;

fn main() -> anyhow::Result<()> {
    let manager = PostgresConnectionManager::new(
        std::env::var("DATABASE_URL").context("DATABASE_URL")?.parse()?,
        NoTls,
    );
    let pool = r2d2::Pool::builder().max_size(4).build(manager)?;

    let mut workers = Vec::new();
    for &name in SENSORS {
        let pool = pool.clone();
        workers.push(thread::spawn(move || {
            if let Err(e) = sample_sensor(&pool, name) {
                eprintln!("{name}: {e:#}");
            }
        }));
    }

    let hk_pool = pool.clone();
    thread::spawn(move || housekeeping::run(&hk_pool));

    for worker in workers {
        let _ = worker.join();
    }
    Ok(())
}

fn sample_sensor(pool: &PgPool, dev_name: &str) -> anyhow::Result<()> {
    let ctx = iio::Context::new().context("no local IIO context")?;
    let dev = ctx
        .find_device(dev_name)
        .ok_or_else(|| anyhow!("no IIO device named {dev_name}"))?;

    let mut chans = Vec::with_capacity(AXES.len());
    for axis in AXES {
        let chan = dev
            .find_channel(axis, false)
            .ok_or_else(|| anyhow!("{dev_name} has no {axis} channel"))?;
        chan.enable();
        chans.push(chan);
    }
    let scale = chans[0].attr_read_float("scale").unwrap_or(1.0);
    dev.attr_write_int("sampling_frequency", 1000)?;
    let buf = dev.create_buffer(1024, false)?;
    let alarm_url = std::env::var("ALARM_WEBHOOK").context("ALARM_WEBHOOK")?;

    let mut conn = pool.get()?;
    let insert = conn.prepare(
        "INSERT INTO vibration_rms (sensor, measured_at, rms_x, rms_y, rms_z) VALUES ($1, now(), $2, $3, $4)",
    )?;

    loop {
        buf.refill().context("IIO buffer refill")?;

        let rms: Vec<f64> = chans
            .iter()
            .map(|chan| {
                let (sum, n) = buf
                    .channel_iter::<i32>(chan)
                    .map(|raw| f64::from(raw) * scale)
                    .fold((0.0, 0usize), |(sum, n), v| (sum + v * v, n + 1));
                (sum / n.max(1) as f64).sqrt()
            })
            .collect();

        conn.execute(&insert, &[&dev_name, &rms[0], &rms[1], &rms[2]])?;

        if rms.iter().any(|&r| r > RMS_ALARM_MS2) {
            let http = reqwest::blocking::Client::new();
            let sent = http
                .post(&alarm_url)
                .json(&serde_json::json!({
                    "sensor": dev_name,
                    "rms_ms2": rms,
                    "threshold": RMS_ALARM_MS2,
                }))
                .send();
            if let Err(e) = sent {
                eprintln!("{dev_name}: alarm webhook failed: {e}");
            }
        }
    }
}
