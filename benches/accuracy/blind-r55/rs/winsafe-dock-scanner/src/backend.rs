use std::time::Duration;

use postgres::NoTls;
use serde_json::json;

use crate::Config;

pub struct Pallet {
    pub code: String,
    pub supplier: String,
    pub cartons: i32,
    pub received: bool,
}

/// Marks a pallet as received at this dock; returns false when it was already received.
pub fn receive_pallet(cfg: &Config, code: &str) -> Result<bool, postgres::Error> {
    let mut client = postgres::Client::connect(&cfg.database_url, NoTls)?;
    let updated = client.execute(
        "UPDATE pallets SET received_at = now(), received_dock = $2, received_by = $3 \
         WHERE code = $1 AND received_at IS NULL",
        &[&code, &cfg.dock, &cfg.kiosk_id],
    )?;
    Ok(updated == 1)
}

/// Tells the warehouse dashboard this kiosk is alive.
pub fn push_heartbeat(cfg: &Config, scans_since_start: u64) -> Result<(), reqwest::Error> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    http.post(&cfg.heartbeat_url)
        .json(&json!({
            "kiosk": cfg.kiosk_id,
            "dock": cfg.dock,
            "scans": scans_since_start,
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}

pub fn describe(p: &Pallet) -> String {
    format!(
        "{} from {} — {} cartons{}",
        p.code,
        p.supplier,
        p.cartons,
        if p.received { " (already received)" } else { "" }
    )
}
