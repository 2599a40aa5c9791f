use std::time::Duration;

use anyhow::{bail, Result};
use postgres::{Client, NoTls};

use crate::frame::Frame;

pub const INSERT: &str = "INSERT INTO observations \
    (station, observed_at, temp_c, humidity, pressure_hpa, wind_ms, wind_dir) \
    VALUES ($1, to_timestamp($2), $3, $4, $5, $6, $7) \
    ON CONFLICT (station, observed_at) DO NOTHING";

/// Connects, retrying while the database is unreachable (the Pi often boots
/// before the network is up). Returns the first client that connects.
pub fn connect_with_retry(url: &str, max_attempts: u32) -> Result<Client> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) if attempt < max_attempts => {
                eprintln!("postgres not reachable (attempt {attempt}/{max_attempts}): {e}");
                std::thread::sleep(Duration::from_secs(5));
            }
            Err(e) => bail!("giving up on postgres: {e}"),
        }
    }
}

pub fn insert(client: &mut impl postgres::GenericClient, f: &Frame) -> Result<u64> {
    Ok(client.execute(
        INSERT,
        &[
            &f.station,
            &(f.epoch as f64),
            &f.temp_c,
            &f.humidity,
            &f.pressure_hpa,
            &f.wind_ms,
            &f.wind_dir,
        ],
    )?)
}
