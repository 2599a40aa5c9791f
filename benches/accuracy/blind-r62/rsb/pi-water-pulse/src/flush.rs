use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use log::{info, warn};
use postgres::{Client, NoTls};

/// Owns the only Postgres connection of the process. Connects once (retrying
/// while Postgres is still coming up after a power cut) and only reconnects
/// when that connection has actually been closed.
pub fn run(db_url: &str, meter_id: &str, rx: Receiver<Instant>) {
    let mut client = connect(db_url);
    let mut litres: i32 = 0;
    let mut minute = current_minute();

    loop {
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(_) => litres += 1,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let now = current_minute();
        if now == minute {
            continue;
        }
        if litres > 0 {
            let res = client.execute(
                "INSERT INTO water_minutes (meter_id, minute_start, litres) \
                 VALUES ($1, to_timestamp($2::float8 * 60), $3) \
                 ON CONFLICT (meter_id, minute_start) DO UPDATE SET litres = water_minutes.litres + EXCLUDED.litres",
                &[&meter_id, &(minute as f64), &litres],
            );
            match res {
                Ok(_) => litres = 0,
                Err(e) => {
                    warn!("minute flush of {litres} l failed, will retry: {e}");
                    if client.is_closed() {
                        client = connect(db_url);
                    }
                    continue;
                }
            }
        }
        minute = now;
    }
}

fn connect(db_url: &str) -> Client {
    let mut delay = Duration::from_secs(1);
    loop {
        match Client::connect(db_url, NoTls) {
            Ok(client) => {
                info!("connected to Postgres");
                return client;
            }
            Err(e) => {
                warn!("postgres connect failed: {e}; retrying in {delay:?}");
                thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(60));
            }
        }
    }
}

fn current_minute() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs() / 60
}
