//! Focus-time accumulator. Holds one Postgres session and one Redis
//! connection for the lifetime of the subscriber.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::Utc;
use postgres::{Client, NoTls};
use redis::Commands;

const FLUSH_EVERY: Duration = Duration::from_secs(60);

pub struct Stats {
    dsn: String,
    db: Client,
    redis: redis::Connection,
    pending: HashMap<String, Duration>,
    last_flush: Instant,
}

impl Stats {
    pub fn open(dsn: &str, redis_url: &str) -> anyhow::Result<Self> {
        let db = Client::connect(dsn, NoTls)?;
        let redis = redis::Client::open(redis_url)?.get_connection()?;
        Ok(Self {
            dsn: dsn.to_string(),
            db,
            redis,
            pending: HashMap::new(),
            last_flush: Instant::now(),
        })
    }

    pub fn add(&mut self, exe: &str, spent: Duration) {
        *self.pending.entry(exe.to_string()).or_default() += spent;
    }

    /// Used by the stream overlay to show what is on screen.
    pub fn publish_current(&mut self, exe: &str) -> redis::RedisResult<()> {
        self.redis.set_ex("desktop:current_app", exe, 300)
    }

    pub fn flush_if_due(&mut self) -> anyhow::Result<()> {
        if self.last_flush.elapsed() < FLUSH_EVERY || self.pending.is_empty() {
            return Ok(());
        }
        if self.db.is_closed() {
            // the laptop was asleep; reconnect the same session slot
            self.db = Client::connect(&self.dsn, NoTls)?;
        }

        let day = Utc::now().date_naive();
        let mut tx = self.db.transaction()?;
        for (exe, spent) in self.pending.drain() {
            tx.execute(
                "INSERT INTO focus_daily (day, exe, seconds) VALUES ($1, $2, $3) \
                 ON CONFLICT (day, exe) DO UPDATE SET seconds = focus_daily.seconds + EXCLUDED.seconds",
                &[&day, &exe, &(spent.as_secs() as i64)],
            )?;
        }
        tx.commit()?;
        self.last_flush = Instant::now();
        Ok(())
    }
}
