//! badge-reader-hid
//!
//! One process per door. Reads 64-byte HID reports from the badge reader,
//! checks the badge against the access-control database and pulses the door
//! controller's relay over HTTPS.

use std::time::Duration;

use hidapi::HidApi;

mod access;
mod doors;

const READER_VID: u16 = 0x0c27;
const READER_PID: u16 = 0x3bfa;

/// Reports carry the badge number as ASCII digits, NUL padded.
fn badge_from_report(report: &[u8]) -> Option<String> {
    let digits: String = report
        .iter()
        .take_while(|b| **b != 0)
        .filter(|b| b.is_ascii_digit())
        .map(|b| *b as char)
        .collect();
    (digits.len() >= 6).then_some(digits)
}

fn main() -> anyhow::Result<()> {
    let site = std::env::var("SITE").unwrap_or_else(|_| "hq".into());
    let door = std::env::var("DOOR_ID").unwrap_or_else(|_| "front".into());
    let db_url = std::env::var("ACCESS_DB_URL")
        .unwrap_or_else(|_| "host=access-db user=doors dbname=access".into());

    let api = HidApi::new()?;
    let reader = api.open(READER_VID, READER_PID)?;
    let mut db = access::connect_with_retry(&db_url)?;

    let mut report = [0u8; 64];
    let mut last_badge: Option<(String, std::time::Instant)> = None;
    loop {
        let n = reader.read_timeout(&mut report, 500)?;
        if n == 0 {
            continue;
        }
        let Some(badge) = badge_from_report(&report[..n]) else {
            continue;
        };
        // readers repeat the report while the card is held against them
        if let Some((prev, at)) = &last_badge {
            if *prev == badge && at.elapsed() < Duration::from_secs(2) {
                continue;
            }
        }
        last_badge = Some((badge.clone(), std::time::Instant::now()));

        if db.is_closed() {
            eprintln!("access db connection dropped, reconnecting");
            db = access::connect_with_retry(&db_url)?;
        }

        let decision = access::check(&mut db, &badge, &site, &door)?;
        access::audit(&mut db, &badge, &site, &door, decision)?;
        if decision {
            if let Err(e) = doors::unlock(&site, &door) {
                eprintln!("door controller error: {e:#}");
            }
        }
    }
}
