//! Aggregates activity into one-minute buckets and writes them out.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use log::{info, warn};
use postgres::{Client, NoTls};

use crate::Activity;

#[derive(Default, serde::Serialize)]
struct Bucket {
    keys: i64,
    clicks: i64,
    moves: i64,
    scrolls: i64,
}

pub struct Sink {
    user: String,
    db: Client,
    http: ureq::Agent,
    summary_url: String,
}

fn database_url() -> String {
    std::env::var("DESKPULSE_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://deskpulse@wellbeing-db.corp:5432/deskpulse".into())
}

impl Sink {
    /// Called once, from the aggregator thread, before its loop starts.
    pub fn connect_with_retry(user: &str, attempts: u32, delay: Duration) -> Self {
        let mut attempt = 0;
        let db = loop {
            attempt += 1;
            match Client::connect(&database_url(), NoTls) {
                Ok(c) => break c,
                Err(e) if attempt < attempts => {
                    warn!("db connect attempt {attempt} failed: {e}; retrying");
                    thread::sleep(delay);
                }
                Err(e) => panic!("giving up on database after {attempt} attempts: {e}"),
            }
        };
        let http = ureq::AgentBuilder::new().timeout(Duration::from_secs(5)).build();
        Self {
            user: user.to_string(),
            db,
            http,
            summary_url: std::env::var("DESKPULSE_SUMMARY_URL")
                .unwrap_or_else(|_| "https://wellbeing.corp/api/v1/summaries".into()),
        }
    }

    pub fn run(&mut self, rx: Receiver<Activity>, every: Duration) {
        let mut bucket = Bucket::default();
        let mut day = Bucket::default();
        let mut last_flush = Instant::now();
        let mut minutes = 0u32;

        loop {
            match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(Activity::Key) => bucket.keys += 1,
                Ok(Activity::Click) => bucket.clicks += 1,
                Ok(Activity::Move) => bucket.moves += 1,
                Ok(Activity::Scroll) => bucket.scrolls += 1,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if last_flush.elapsed() < every {
                continue;
            }

            let minute = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64 / 60;
            if let Err(e) = self.db.execute(
                "INSERT INTO activity_minutes (username, minute, keys, clicks, moves, scrolls) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                &[&self.user, &minute, &bucket.keys, &bucket.clicks, &bucket.moves, &bucket.scrolls],
            ) {
                warn!("bucket write failed: {e}");
            }
            day.keys += bucket.keys;
            day.clicks += bucket.clicks;
            day.moves += bucket.moves;
            day.scrolls += bucket.scrolls;
            bucket = Bucket::default();
            last_flush = Instant::now();
            minutes += 1;

            if minutes % 60 == 0 {
                let body = serde_json::json!({ "user": self.user, "totals": &day });
                match self.http.post(&self.summary_url).send_json(body) {
                    Ok(_) => info!("hourly summary sent"),
                    Err(e) => warn!("summary post failed: {e}"),
                }
            }
        }
        info!("input listener stopped; aggregator exiting");
    }
}
