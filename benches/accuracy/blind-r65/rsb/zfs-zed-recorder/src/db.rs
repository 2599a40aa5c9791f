use std::time::Duration;

use postgres::{Client, NoTls};

/// Connects for this one process. ZED must not be held up for long, so
/// give up after three quick attempts and let the caller spool the event.
pub fn connect() -> Option<Client> {
    let url = std::env::var("ZEVENT_RECORDER_DB").ok()?;
    for attempt in 1..=3 {
        match Client::connect(&url, NoTls) {
            Ok(client) => return Some(client),
            Err(e) => {
                eprintln!("zevent-recorder: connect attempt {attempt}: {e}");
                std::thread::sleep(Duration::from_millis(300 * attempt));
            }
        }
    }
    None
}

pub fn insert(db: &mut Client, host: &str, ev: &serde_json::Value) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO zevent (host, eid, class, pool, vdev_path, pool_state, occurred_at, payload)
         VALUES ($1, ($2::jsonb->>'ZEVENT_EID')::bigint, $2::jsonb->>'ZEVENT_CLASS',
                 $2::jsonb->>'ZEVENT_POOL', $2::jsonb->>'ZEVENT_VDEV_PATH',
                 $2::jsonb->>'ZEVENT_POOL_STATE_STR',
                 to_timestamp(($2::jsonb->>'ZEVENT_TIME_SECS')::bigint), $2)
         ON CONFLICT (host, eid) DO NOTHING",
        &[&host, ev],
    )?;
    Ok(())
}
