use postgres::{Client, NoTls};
use redis::Commands;

use crate::decode::Signal;

pub struct Sink {
    db_url: String,
    db: Client,
    live: redis::Connection,
    truck: String,
}

impl Sink {
    /// Called once from main.
    pub fn connect(db_url: &str, redis_url: &str, truck: &str) -> anyhow::Result<Self> {
        let db = Client::connect(db_url, NoTls)?;
        let live = redis::Client::open(redis_url)?.get_connection()?;
        Ok(Self { db_url: db_url.to_string(), db, live, truck: truck.to_string() })
    }

    /// Latest value per signal for the yard dashboard; best effort.
    pub fn publish_live(&mut self, s: &Signal) {
        let key = format!("truck:{}:live", self.truck);
        let res: redis::RedisResult<()> = self.live.hset(&key, s.name(), s.value());
        if let Err(e) = res {
            log::debug!("live update skipped: {e}");
        }
    }

    /// Writes a batch in one transaction. The transaction is rolled back
    /// when dropped on any error path.
    pub fn flush(&mut self, batch: &[Signal]) -> anyhow::Result<usize> {
        if self.db.is_closed() {
            log::warn!("postgres connection closed, reconnecting");
            self.db = Client::connect(&self.db_url, NoTls)?;
        }
        let mut tx = self.db.transaction()?;
        let stmt = tx.prepare(
            "INSERT INTO truck_signals (truck, signal, value, seen_at) VALUES ($1, $2, $3, now())",
        )?;
        for s in batch {
            tx.execute(&stmt, &[&self.truck, &s.name(), &s.value()])?;
        }
        tx.commit()?;
        Ok(batch.len())
    }
}
