use std::error::Error;
use std::time::Duration;

use postgres::{Client, NoTls};
use redis::Commands;

/// Both connections are opened once in main and live for the whole process.
pub struct Store {
    pg: Client,
    redis: redis::Connection,
}

impl Store {
    pub fn connect() -> Result<Self, Box<dyn Error>> {
        let dsn = std::env::var("METRICS_DSN")?;
        let mut attempt = 0;
        let pg = loop {
            match Client::connect(&dsn, NoTls) {
                Ok(client) => break client,
                Err(e) if attempt < 10 => {
                    attempt += 1;
                    eprintln!("postgres not ready ({e}), retry {attempt}/10");
                    std::thread::sleep(Duration::from_secs(3));
                }
                Err(e) => return Err(e.into()),
            }
        };
        let redis = redis::Client::open(std::env::var("REDIS_URL")?)?.get_connection()?;
        Ok(Self { pg, redis })
    }

    pub fn write(&mut self, path: &str, value: f64, ts: i64) -> Result<(), Box<dyn Error>> {
        self.pg.execute(
            "INSERT INTO samples (path, value, ts) VALUES ($1, $2, to_timestamp($3))",
            &[&path, &value, &(ts as f64)],
        )?;
        let _: () = self.redis.hset("metrics:latest", path, value)?;
        Ok(())
    }
}
