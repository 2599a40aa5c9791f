use std::thread::sleep;
use std::time::Duration;

use dsmr5::state::State;
use postgres::{Client, NoTls};

/// Connects to Postgres, retrying while the NAS that hosts it boots.
/// Called once, from main.
pub fn connect_with_retry(max_attempts: u32) -> anyhow::Result<Client> {
    let dsn = std::env::var("METER_DB")
        .unwrap_or_else(|_| "host=nas.lan user=meter dbname=energy".to_string());
    let mut attempt = 1;
    let client = loop {
        match Client::connect(&dsn, NoTls) {
            Ok(client) => break client,
            Err(e) if attempt < max_attempts => {
                log::warn!("postgres not reachable yet ({attempt}/{max_attempts}): {e}");
                attempt += 1;
                sleep(Duration::from_secs(10));
            }
            Err(e) => return Err(e.into()),
        }
    };
    Ok(client)
}

pub fn insert_sample(db: &mut Client, state: &State) -> Result<(), postgres::Error> {
    let mut tx = db.transaction()?;
    let (Some(delivered_kw), Some(received_kw)) = (state.power_delivered, state.power_received) else {
        // Partial telegram: nothing worth storing, the transaction rolls back on drop.
        return Ok(());
    };
    tx.execute(
        "INSERT INTO power_samples (taken_at, delivered_kw, received_kw, l1_voltage) \
         VALUES (now(), $1, $2, $3)",
        &[&delivered_kw, &received_kw, &state.lines[0].voltage],
    )?;
    if let Some((_, gas_m3)) = &state.slaves[0].meter_reading {
        tx.execute(
            "INSERT INTO gas_readings (taken_at, total_m3) VALUES (now(), $1) \
             ON CONFLICT (total_m3) DO NOTHING",
            &[gas_m3],
        )?;
    }
    tx.commit()
}
