mod dtc;
mod elm;
mod uploader;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{params, Connection};

const POLL_EVERY: Duration = Duration::from_secs(2);
const FLUSH_EVERY_TICKS: u64 = 15; // 30 s
const DTC_EVERY_TICKS: u64 = 150; // 5 min

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let serial = std::env::var("OBD_SERIAL").unwrap_or_else(|_| "/dev/rfcomm0".into());
    let dtc_db = std::env::var("FLEET_DB_URL")?;
    let upload = uploader::UploadConfig {
        endpoint: std::env::var("FLEET_API")?,
        vehicle_id: std::env::var("VEHICLE_ID")?,
        api_token: std::env::var("FLEET_API_TOKEN")?,
    };

    // Local store-and-forward buffer for when the LTE link is down.
    let buffer = Connection::open("/var/lib/obd-logger/buffer.sqlite")?;
    buffer.execute_batch(
        "CREATE TABLE IF NOT EXISTS sample (ts INTEGER PRIMARY KEY, json TEXT NOT NULL)",
    )?;

    let mut elm = elm::Elm327::open(&serial)?;
    let mut tick: u64 = 0;

    loop {
        let ts = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs() as i64;
        let sample = elm.sample(ts);
        buffer.execute(
            "INSERT OR REPLACE INTO sample (ts, json) VALUES (?1, ?2)",
            params![ts, serde_json::to_string(&sample)?],
        )?;

        if tick % FLUSH_EVERY_TICKS == 0 {
            let pending = load_pending(&buffer)?;
            if !pending.is_empty() {
                match uploader::flush(&upload, &pending) {
                    Ok(()) => {
                        let last = pending.last().map(|s| s.ts).unwrap_or(ts);
                        buffer.execute("DELETE FROM sample WHERE ts <= ?1", params![last])?;
                    }
                    Err(e) => log::warn!("upload failed, keeping {} samples: {e}", pending.len()),
                }
            }
        }

        if tick % DTC_EVERY_TICKS == 0 {
            // Re-report every code still stored so last_seen stays current
            // until the workshop clears it.
            let codes = elm.stored_dtcs();
            if !codes.is_empty() {
                if let Err(e) = dtc::report(&dtc_db, &upload.vehicle_id, &codes) {
                    log::warn!("dtc report failed: {e}");
                }
            }
        }

        tick += 1;
        std::thread::sleep(POLL_EVERY);
    }
}

fn load_pending(buffer: &Connection) -> rusqlite::Result<Vec<elm::Sample>> {
    let mut stmt = buffer.prepare("SELECT json FROM sample ORDER BY ts LIMIT 500")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows
        .filter_map(Result::ok)
        .filter_map(|j| serde_json::from_str(&j).ok())
        .collect())
}
