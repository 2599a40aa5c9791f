//! host-metrics-log4rs
//!
//! Long-running agent on each build runner. Every 15 seconds it samples
//! /proc/meminfo and the load average, writes a row to the fleet database
//! and logs a line (which the Loki appender ships).

use std::time::{Duration, Instant};

use log::{error, info, warn};

mod logging;
mod sampler;

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "unknown-host".into())
}

fn main() -> anyhow::Result<()> {
    let host = hostname();
    logging::init(&host)?;

    let db_url = std::env::var("METRICS_DB_URL")
        .unwrap_or_else(|_| "host=metrics-db user=agent dbname=fleet".into());
    let mut db = postgres::Client::connect(&db_url, postgres::NoTls)?;
    info!("agent started on {host}");

    let period = Duration::from_secs(15);
    let mut failures = 0u32;
    loop {
        let started = Instant::now();
        match sampler::sample() {
            Ok(s) => {
                if let Err(e) = sampler::store(&mut db, &host, &s) {
                    failures += 1;
                    error!("storing sample failed ({failures} in a row): {e}");
                    if failures >= 5 {
                        anyhow::bail!("metrics database keeps failing, letting systemd restart us");
                    }
                } else {
                    failures = 0;
                    info!(
                        "mem_used={}MiB avail={}MiB load1={:.2}",
                        s.used_bytes / (1 << 20),
                        s.available_bytes / (1 << 20),
                        s.load1
                    );
                }
                if s.available_bytes < 512 << 20 {
                    warn!("low memory: {} MiB available", s.available_bytes >> 20);
                }
            }
            Err(e) => error!("sampling /proc failed: {e}"),
        }
        if let Some(rest) = period.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
