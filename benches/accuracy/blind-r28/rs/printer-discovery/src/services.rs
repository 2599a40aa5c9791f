use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use postgres::{Client, NoTls};

/// Long-lived handles shared with the mDNS callback through the browser context.
pub struct Services {
    pub site: String,
    pub db: Mutex<Client>,
    pub http: ureq::Agent,
}

impl Services {
    pub fn connect(db_url: &str, site: String) -> Result<Self, postgres::Error> {
        let mut attempt = 0u32;
        let client = loop {
            attempt += 1;
            match Client::connect(db_url, NoTls) {
                Ok(client) => break client,
                Err(err) if attempt < 12 => {
                    eprintln!("registry db not ready (attempt {}): {}", attempt, err);
                    thread::sleep(Duration::from_secs(5));
                }
                Err(err) => return Err(err),
            }
        };
        let http = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(2))
            .timeout_read(Duration::from_secs(3))
            .max_idle_connections(16)
            .build();
        Ok(Self { site, db: Mutex::new(client), http })
    }

    pub fn upsert_printer(&self, name: &str, host: &str, address: &str, port: u16, model: &str) -> Result<u64, postgres::Error> {
        let mut db = self.db.lock().unwrap();
        db.execute(
            "INSERT INTO printers (site, name, host, address, port, model, last_seen) \
             VALUES ($1, $2, $3, $4, $5, $6, now()) \
             ON CONFLICT (site, name) DO UPDATE SET host = EXCLUDED.host, address = EXCLUDED.address, \
             port = EXCLUDED.port, model = EXCLUDED.model, last_seen = now(), missing = false",
            &[&self.site, &name, &host, &address, &(port as i32), &model],
        )
    }

    pub fn record_status(&self, name: &str, state: &str, media_remaining: Option<i64>) -> Result<u64, postgres::Error> {
        let mut db = self.db.lock().unwrap();
        db.execute(
            "UPDATE printers SET state = $3, media_remaining = $4 WHERE site = $1 AND name = $2",
            &[&self.site, &name, &state, &media_remaining],
        )
    }

    pub fn mark_missing(&self, after: Duration) -> Result<u64, postgres::Error> {
        let mut db = self.db.lock().unwrap();
        db.execute(
            "UPDATE printers SET missing = true \
             WHERE site = $1 AND NOT missing AND last_seen < now() - make_interval(secs => $2)",
            &[&self.site, &(after.as_secs() as f64)],
        )
    }
}
