//! Reporting sinks. One Redis connection and one Postgres client for the
//! life of the process; Redis is reconnected lazily only after a failure.

use std::time::Duration;

use postgres::{Client, NoTls};
use redis::Commands;

use crate::detect::{Burst, MinuteStats};

pub struct Reporter {
    site: String,
    center_hz: f64,
    redis_url: String,
    redis: Option<redis::Connection>,
    pg: Client,
}

fn open_redis(url: &str) -> Option<redis::Connection> {
    let client = redis::Client::open(url).ok()?;
    client.get_connection_with_timeout(Duration::from_secs(2)).ok()
}

impl Reporter {
    pub fn start(site: &str, center_hz: f64) -> Result<Self, postgres::Error> {
        let pg_url = std::env::var("RFMON_PG_URL")
            .unwrap_or_else(|_| "host=noc-db.internal user=rfmon dbname=noc".into());
        let redis_url = std::env::var("RFMON_REDIS_URL")
            .unwrap_or_else(|_| "redis://noc-redis.internal:6379/0".into());
        let pg = Client::connect(&pg_url, NoTls)?;
        Ok(Reporter {
            site: site.to_string(),
            center_hz,
            redis: open_redis(&redis_url),
            redis_url,
            pg,
        })
    }

    /// Live feed for the NOC wallboard; called for every detected burst.
    pub fn burst(&mut self, b: &Burst) {
        if self.redis.is_none() {
            self.redis = open_redis(&self.redis_url);
        }
        let Some(con) = self.redis.as_mut() else { return };
        let res: redis::RedisResult<String> = con.xadd_maxlen(
            "rf:bursts",
            redis::streams::StreamMaxlen::Approx(100_000),
            "*",
            &[
                ("site", self.site.clone()),
                ("freq_hz", format!("{:.0}", self.center_hz)),
                ("duration_ms", format!("{:.2}", b.duration_ms)),
                ("peak_db", format!("{:.1}", b.peak_db)),
                ("sample", b.start_sample.to_string()),
            ],
        );
        if res.is_err() {
            self.redis = None;
        }
    }

    pub fn summary(&mut self, floor_db: f32, stats: MinuteStats) {
        if let Err(e) = self.pg.execute(
            "INSERT INTO rf_minutes (site, freq_hz, minute, noise_floor_db, bursts, busy_ms)
             VALUES ($1, $2, date_trunc('minute', now()), $3, $4, $5)",
            &[&self.site, &self.center_hz, &(floor_db as f64), &(stats.bursts as i32), &(stats.busy_ms as f64)],
        ) {
            eprintln!("rf-monitor: summary insert failed: {e}");
        }
    }

    pub fn shutdown(self) {
        let _ = self.pg.close();
    }
}
