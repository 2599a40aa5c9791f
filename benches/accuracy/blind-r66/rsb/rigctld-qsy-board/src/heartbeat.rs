//! Every 30 s, writes the position's current frequency so the log checker can
//! prove that no two positions ran on the same band at the same time.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub struct Heartbeat {
    current_hz: Arc<AtomicU64>,
}

impl Heartbeat {
    pub fn start(db_url: &str, position: &str) -> anyhow::Result<Heartbeat> {
        let pool = r2d2::Pool::new(PostgresConnectionManager::new(db_url.parse()?, NoTls))?;
        let current_hz = Arc::new(AtomicU64::new(0));
        let hz = Arc::clone(&current_hz);
        let position = position.to_string();
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(30));
            let f = hz.load(Ordering::Relaxed) as i64;
            if f == 0 {
                continue;
            }
            let result = pool.get().map_err(anyhow::Error::from).and_then(|mut c| {
                c.execute(
                    "INSERT INTO station_heartbeat (position, freq_hz, at) VALUES ($1, $2, now())",
                    &[&position, &f],
                )
                .map_err(anyhow::Error::from)
            });
            if let Err(e) = result {
                eprintln!("{position}: heartbeat insert failed: {e}");
            }
        });
        Ok(Heartbeat { current_hz })
    }

    pub fn update(&self, hz: u64) {
        self.current_hz.store(hz, Ordering::Relaxed);
    }
}
