//! Spawns `rtl_433 -F json` and handles one decoded 433 MHz packet per
//! stdout line, for as long as the receiver runs.

use std::process::Stdio;

use serde::Deserialize;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

mod alerts;
mod sink;

#[derive(Debug, Deserialize)]
#[allow(non_snake_case)]
pub struct Reading {
    pub time: i64,
    pub model: String,
    pub id: Option<i64>,
    pub channel: Option<i64>,
    pub battery_ok: Option<u8>,
    pub temperature_C: Option<f64>,
    pub humidity: Option<f64>,
    pub wind_avg_km_h: Option<f64>,
    pub rain_mm: Option<f64>,
}

impl Reading {
    pub fn sensor_key(&self) -> String {
        format!(
            "{}/{}/{}",
            self.model,
            self.id.unwrap_or_default(),
            self.channel.unwrap_or_default()
        )
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?;

    let mut child = Command::new("rtl_433")
        .args(["-F", "json", "-M", "time:unix", "-R", "40", "-R", "153", "-R", "172"])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();

    while let Some(line) = lines.next_line().await? {
        let reading: Reading = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(_) => continue, // rtl_433 also prints status lines
        };
        if let Err(e) = sink::write_influx(&reading).await {
            eprintln!("influx write failed for {}: {e}", reading.sensor_key());
        }
        sink::remember_sensor(&pool, &reading).await?;
        if reading.battery_ok == Some(0) {
            alerts::low_battery(&reading).await;
        }
    }

    let status = child.wait().await?;
    anyhow::bail!("rtl_433 exited with {status}")
}
