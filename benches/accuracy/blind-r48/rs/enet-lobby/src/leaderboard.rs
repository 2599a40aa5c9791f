use std::time::Duration;

use redis::Commands;

pub struct Leaderboard {
    conn: redis::Connection,
    season: String,
}

impl Leaderboard {
    pub fn open() -> anyhow::Result<Self> {
        let client = redis::Client::open(
            std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".to_string()),
        )?;
        let conn = client.get_connection_with_timeout(Duration::from_secs(2))?;
        let season = std::env::var("SEASON").unwrap_or_else(|_| "s1".to_string());
        Ok(Self { conn, season })
    }

    /// Keeps the best score per player per map and returns the 1-based rank.
    pub fn submit(&mut self, player: &str, map: &str, score: i64) -> anyhow::Result<u64> {
        let key = format!("lb:{}:{map}", self.season);
        let best: Option<i64> = self.conn.zscore(&key, player)?;
        if best.map_or(true, |b| score > b) {
            let _: () = self.conn.zadd(&key, player, score)?;
        }
        let rank: Option<u64> = self.conn.zrevrank(&key, player)?;
        Ok(rank.map_or(0, |r| r + 1))
    }
}
