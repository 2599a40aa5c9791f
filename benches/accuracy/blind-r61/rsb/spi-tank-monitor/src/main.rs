//! Runs 24/7 as a systemd service on the pump-house Pi. A sampler thread
//! reads the level sensor every 2 s; the main thread writes one averaged
//! row per minute to the farm's MySQL server.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use mysql::prelude::Queryable;
use mysql::{params, Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

mod adc;
mod sampler;
mod telemetry;

fn main() -> anyhow::Result<()> {
    simple_logger::init_with_level(log::Level::Info)?;

    let url = std::env::var("TANK_DB_URL")?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(1, 2).unwrap()));
    let pool = Pool::new(opts)?;

    let (tx, rx) = mpsc::channel::<sampler::Sample>();
    let sampler_pool = pool.clone();
    thread::Builder::new()
        .name("sampler".into())
        .spawn(move || {
            if let Err(e) = sampler::run(sampler_pool, tx) {
                log::error!("sampler stopped: {e:#}");
                std::process::exit(1);
            }
        })?;

    let mut window: Vec<f64> = Vec::with_capacity(30);
    let mut window_start = Instant::now();
    for sample in rx {
        window.push(sample.litres);
        if window_start.elapsed() >= Duration::from_secs(60) {
            let avg = window.iter().sum::<f64>() / window.len() as f64;
            let mut conn = pool.get_conn()?;
            conn.exec_drop(
                "INSERT INTO tank_level (tank_id, measured_at, litres, samples) VALUES (:tank, NOW(), :litres, :n)",
                params! { "tank" => sample.tank_id, "litres" => avg, "n" => window.len() },
            )?;
            window.clear();
            window_start = Instant::now();
        }
    }
    Ok(())
}
