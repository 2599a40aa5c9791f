use std::time::Duration;

use anyhow::Result;
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;

use crate::capture::Episode;

const MAX_ATTEMPTS: u32 = 12;

/// Owns the only database pool and Redis connection of the process.
pub struct Sink {
    pool: Pool<PostgresConnectionManager<NoTls>>,
    redis: redis::Connection,
    room: String,
}

impl Sink {
    /// The Pi boots faster than the network comes up, so retry at start-up.
    pub fn connect_with_retry(db_url: &str, redis_url: &str, room: &str) -> Result<Self> {
        let mut attempt = 0;
        let pool = loop {
            attempt += 1;
            let manager = PostgresConnectionManager::new(db_url.parse()?, NoTls);
            match Pool::builder()
                .max_size(2)
                .connection_timeout(Duration::from_secs(5))
                .build(manager)
            {
                Ok(pool) => break pool,
                Err(e) if attempt < MAX_ATTEMPTS => {
                    log::warn!("postgres not reachable yet ({}), attempt {}", e, attempt);
                    std::thread::sleep(Duration::from_secs(2 * attempt as u64));
                }
                Err(e) => return Err(e.into()),
            }
        };

        let client = redis::Client::open(redis_url)?;
        let mut attempt = 0;
        let redis = loop {
            attempt += 1;
            match client.get_connection_with_timeout(Duration::from_secs(5)) {
                Ok(con) => break con,
                Err(e) if attempt < MAX_ATTEMPTS => {
                    log::warn!("redis not reachable yet ({}), attempt {}", e, attempt);
                    std::thread::sleep(Duration::from_secs(2 * attempt as u64));
                }
                Err(e) => return Err(e.into()),
            }
        };

        Ok(Sink { pool, redis, room: room.to_string() })
    }

    /// Called once per loud episode from the capture loop.
    pub fn record(&mut self, episode: &Episode, period_ms: u32) -> Result<()> {
        let duration_ms = (episode.periods * period_ms) as i32;
        {
            let mut conn = self.pool.get()?;
            conn.execute(
                "INSERT INTO noise_episodes (room, ended_at, duration_ms, peak_dbfs) \
                 VALUES ($1, now(), $2, $3)",
                &[&self.room, &duration_ms, &episode.peak_dbfs],
            )?;
        }
        let payload = format!(
            "{{\"room\":\"{}\",\"duration_ms\":{},\"peak_dbfs\":{:.1}}}",
            self.room, duration_ms, episode.peak_dbfs
        );
        self.redis.publish::<_, _, ()>("noise:episodes", payload)?;
        Ok(())
    }
}
