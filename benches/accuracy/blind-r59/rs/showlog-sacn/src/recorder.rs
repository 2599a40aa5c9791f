//! Owns the one Postgres session and the one Redis connection used for the
//! whole performance. Both are opened in `start` (called once from main).

use std::time::Duration;

use postgres::{Client, NoTls};
use redis::Commands;

pub struct Recorder {
    db: Client,
    live: Option<redis::Connection>,
    redis_url: String,
    performance_id: i64,
    cues: i32,
}

impl Recorder {
    pub fn start(db_url: &str, redis_url: &str, show: &str) -> Result<Recorder, Box<dyn std::error::Error>> {
        // The FOH machine often boots before the venue network; wait a little.
        let mut db = None;
        for attempt in 1..=15 {
            match Client::connect(db_url, NoTls) {
                Ok(c) => {
                    db = Some(c);
                    break;
                }
                Err(e) => {
                    log::warn!("database not reachable (attempt {attempt}/15): {e}");
                    std::thread::sleep(Duration::from_secs(2));
                }
            }
        }
        let mut db = db.ok_or("database unreachable, giving up")?;
        let performance_id: i64 = db
            .query_one("INSERT INTO performances (show, started_at) VALUES ($1, now()) RETURNING id", &[&show])?
            .get(0);
        let live = redis::Client::open(redis_url)?.get_connection().ok();
        Ok(Recorder { db, live, redis_url: redis_url.to_string(), performance_id, cues: 0 })
    }

    pub fn cue(&mut self, universe: u16, changed: usize, frame: &[u8]) -> Result<(), postgres::Error> {
        self.cues += 1;
        self.db.execute(
            "INSERT INTO cue_log (performance_id, seq, universe, channels_changed, frame, at)
             VALUES ($1, $2, $3, $4, $5, now())",
            &[&self.performance_id, &self.cues, &(universe as i32), &(changed as i32), &frame],
        )?;
        Ok(())
    }

    /// Best effort: a dashboard hiccup must never stop the recording.
    pub fn mirror(&mut self, universe: u16, frame: &[u8]) {
        if self.live.is_none() {
            // Only after the previous connection failed.
            self.live = redis::Client::open(self.redis_url.as_str()).and_then(|c| c.get_connection()).ok();
        }
        if let Some(con) = self.live.as_mut() {
            let res: redis::RedisResult<()> = con.set_ex(format!("dmx:live:{universe}"), frame, 10);
            if res.is_err() {
                self.live = None;
            }
        }
    }

    pub fn finish(mut self) -> Result<(), postgres::Error> {
        self.db.execute(
            "UPDATE performances SET ended_at = now(), cue_count = $2 WHERE id = $1",
            &[&self.performance_id, &self.cues],
        )?;
        self.db.close()
    }
}
