use redis::aio::ConnectionManager;

#[derive(Clone)]
pub struct RateLimiter {
    conn: ConnectionManager,
    per_minute: u32,
}

impl RateLimiter {
    pub async fn connect(redis_url: &str, per_minute: u32) -> redis::RedisResult<Self> {
        let conn = ConnectionManager::new(redis::Client::open(redis_url)?).await?;
        Ok(Self { conn, per_minute })
    }

    /// Fixed-window limiter: INCR + EXPIRE in one round trip.
    pub async fn allow(&self, caller: &str) -> bool {
        let mut conn = self.conn.clone();
        let key = format!("rl:{caller}");
        let res: redis::RedisResult<(u32,)> = redis::pipe()
            .atomic()
            .incr(&key, 1)
            .expire(&key, 60)
            .ignore()
            .query_async(&mut conn)
            .await;
        matches!(res, Ok((n,)) if n <= self.per_minute)
    }
}
