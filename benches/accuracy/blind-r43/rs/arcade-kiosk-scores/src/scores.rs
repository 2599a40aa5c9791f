use std::time::Duration;

use redis::Commands;
use serde::Serialize;

/// Owns the cabinet's Redis connection and HTTP client. Built once in main and
/// moved into the game engine; nothing here is created per frame.
pub struct Scoreboard {
    redis: redis::Connection,
    http: reqwest::blocking::Client,
    publish_url: String,
    cabinet: String,
}

#[derive(Serialize)]
struct Submission<'a> { cabinet: &'a str, initials: &'a str, score: i64 }

impl Scoreboard {
    pub fn connect(redis_url: &str, publish_url: String, cabinet: String) -> anyhow::Result<Self> {
        let client = redis::Client::open(redis_url)?;
        let redis = client.get_connection_with_timeout(Duration::from_secs(2))?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?;
        Ok(Self { redis, http, publish_url, cabinet })
    }

    fn key(&self) -> String {
        format!("hiscores:{}", self.cabinet)
    }

    pub fn top(&mut self, n: isize) -> redis::RedisResult<Vec<(String, i64)>> {
        self.redis.zrevrange_withscores(self.key(), 0, n - 1)
    }

    /// Called once per finished game, after the player types their initials.
    pub fn submit(&mut self, initials: &str, score: i64) -> anyhow::Result<()> {
        let key = self.key();
        let _: () = self.redis.zadd(key, initials, score)?;
        self.http
            .post(&self.publish_url)
            .json(&Submission { cabinet: &self.cabinet, initials, score })
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
