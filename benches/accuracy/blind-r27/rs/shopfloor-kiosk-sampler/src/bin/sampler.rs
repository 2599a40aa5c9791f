//! Host health sampler: every 10 seconds records CPU, memory and load for the
//! station and posts a heartbeat to the line-monitoring dashboard.

use std::time::{Duration, Instant};

use sysinfo::System;

use shopfloor::db;

fn main() -> anyhow::Result<()> {
    let pool = db::make_pool(1)?;
    let station = shopfloor::station_id();
    let dashboard = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;
    let dashboard_url = std::env::var("DASHBOARD_URL")
        .unwrap_or_else(|_| "http://line-monitor.internal/api/heartbeat".into());

    let mut sys = System::new_all();
    let period = Duration::from_secs(10);

    loop {
        let started = Instant::now();
        sys.refresh_cpu_usage();
        sys.refresh_memory();
        let cpu = sys.global_cpu_usage();
        let used_mib = (sys.used_memory() / (1024 * 1024)) as i64;
        let total_mib = (sys.total_memory() / (1024 * 1024)) as i64;
        let load1 = System::load_average().one;

        match pool.get() {
            Ok(mut conn) => {
                if let Err(e) = conn.execute(
                    "INSERT INTO station_health (station, cpu_pct, mem_used_mib, mem_total_mib, load1, at)
                     VALUES ($1, $2, $3, $4, $5, now())",
                    &[&station, &cpu, &used_mib, &total_mib, &load1],
                ) {
                    eprintln!("health insert failed: {e}");
                }
            }
            Err(e) => eprintln!("no db connection this round: {e}"),
        }

        let beat = serde_json::json!({ "station": station, "cpu": cpu, "mem_used_mib": used_mib });
        if let Err(e) = dashboard.post(&dashboard_url).json(&beat).send() {
            eprintln!("heartbeat failed: {e}");
        }

        if let Some(rest) = period.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
