//! Local Postgres on the Pi; the dashboard is best-effort, this is the
//! source of truth.

use postgres::{Client, NoTls};

use crate::sensor::Reading;

pub struct Store {
    client: Client,
}

impl Store {
    /// Opened once at start-up and kept for the life of the daemon.
    pub fn open(url: &str) -> Result<Self, postgres::Error> {
        let client = Client::connect(url, NoTls)?;
        Ok(Self { client })
    }

    pub fn record(&mut self, house: &str, r: &Reading) -> Result<(), postgres::Error> {
        self.client.batch_execute("BEGIN")?;
        self.client.execute(
            "INSERT INTO readings (house, celsius, humidity, taken_at) \
             VALUES ($1, $2, $3, now())",
            &[&house, &r.celsius, &r.humidity],
        )?;
        self.client.execute(
            "UPDATE houses SET last_celsius = $2, last_humidity = $3, last_seen = now() \
             WHERE id = $1",
            &[&house, &r.celsius, &r.humidity],
        )?;
        self.client.batch_execute("COMMIT")?;
        Ok(())
    }

    pub fn daily_max(&mut self, house: &str) -> Result<Option<f64>, postgres::Error> {
        let row = self.client.query_one(
            "SELECT max(celsius) FROM readings WHERE house = $1 AND taken_at > now() - interval '1 day'",
            &[&house],
        )?;
        Ok(row.get(0))
    }
}
