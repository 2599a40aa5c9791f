use log::warn;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use redis::Commands;
use serde::Deserialize;

#[derive(Deserialize)]
struct Sample {
    hub: String,
    sensor: String,
    value: f64,
    unit: String,
}

/// Built once in main; `handle` runs for every datagram / frame received.
pub struct Relay {
    pool: r2d2::Pool<PostgresConnectionManager<NoTls>>,
    redis: redis::Connection,
}

impl Relay {
    pub fn new(pool: r2d2::Pool<PostgresConnectionManager<NoTls>>, redis: redis::Connection) -> Self {
        Self { pool, redis }
    }

    pub fn handle(&mut self, data: &[u8]) -> String {
        match self.store(data) {
            Ok(()) => "ACK".into(),
            Err(e) => {
                warn!("sample rejected: {e}");
                format!("NAK {e}")
            }
        }
    }

    fn store(&mut self, data: &[u8]) -> anyhow::Result<()> {
        let s: Sample = serde_json::from_slice(data)?;

        let mut conn = self.pool.get()?;
        conn.execute(
            "INSERT INTO samples (hub, sensor, value, unit) VALUES ($1, $2, $3, $4)",
            &[&s.hub, &s.sensor, &s.value, &s.unit],
        )?;
        drop(conn);

        let _: () = self.redis.publish(
            format!("live:{}:{}", s.hub, s.sensor),
            serde_json::json!({ "value": s.value, "unit": s.unit }).to_string(),
        )?;
        Ok(())
    }
}
