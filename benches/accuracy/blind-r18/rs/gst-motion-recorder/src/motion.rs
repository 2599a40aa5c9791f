use anyhow::Result;
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use redis::Commands;
use serde_json::json;

use crate::audit;

const START_THRESHOLD: f64 = 0.035;
const STOP_THRESHOLD: f64 = 0.012;

pub struct CameraCtx {
    pub name: String,
    prev: Option<Vec<u8>>,
    active_event: Option<i64>,
    pool: Pool<PostgresConnectionManager<NoTls>>,
    http: reqwest::blocking::Client,
    webhook: String,
    redis_url: String,
}

impl CameraCtx {
    pub fn new(
        name: &str,
        pool: Pool<PostgresConnectionManager<NoTls>>,
        http: reqwest::blocking::Client,
        webhook: String,
    ) -> Self {
        Self {
            name: name.to_string(),
            prev: None,
            active_event: None,
            pool,
            http,
            webhook,
            redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        }
    }

    /// Called from the appsink callback for every frame.
    pub fn on_frame(&mut self, frame: &[u8]) -> Result<()> {
        let score = match &self.prev {
            Some(prev) if prev.len() == frame.len() => changed_ratio(prev, frame),
            _ => 0.0,
        };
        self.prev = Some(frame.to_vec());

        // live score for the wall dashboard
        let mut con = redis::Client::open(self.redis_url.as_str())?.get_connection()?;
        let _: () = con.set_ex(format!("motion:{}:score", self.name), score, 5)?;

        match self.active_event {
            None if score > START_THRESHOLD => {
                let mut db = self.pool.get()?;
                let row = db.query_one(
                    "INSERT INTO motion_events (camera, started_at, peak_score) \
                     VALUES ($1, now(), $2) RETURNING id",
                    &[&self.name, &score],
                )?;
                let id: i64 = row.get(0);
                self.active_event = Some(id);
                audit::record(&self.name, "motion_start", id)?;
                self.http
                    .post(&self.webhook)
                    .json(&json!({ "camera": self.name, "event_id": id, "score": score }))
                    .send()?;
            }
            Some(id) if score < STOP_THRESHOLD => {
                let mut db = self.pool.get()?;
                db.execute(
                    "UPDATE motion_events SET ended_at = now() WHERE id = $1",
                    &[&id],
                )?;
                self.active_event = None;
                audit::record(&self.name, "motion_stop", id)?;
            }
            Some(id) => {
                let mut db = self.pool.get()?;
                db.execute(
                    "UPDATE motion_events SET peak_score = GREATEST(peak_score, $2) WHERE id = $1",
                    &[&id, &score],
                )?;
            }
            None => {}
        }
        Ok(())
    }
}

fn changed_ratio(a: &[u8], b: &[u8]) -> f64 {
    let changed = a
        .iter()
        .zip(b)
        .filter(|(x, y)| (**x as i16 - **y as i16).abs() > 25)
        .count();
    changed as f64 / a.len() as f64
}
