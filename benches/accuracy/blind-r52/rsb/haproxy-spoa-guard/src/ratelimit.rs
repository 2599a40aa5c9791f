use redis::aio::ConnectionManager;

/// Fixed-window request counter per (host, client ip).
pub struct Limiter {
    conn: ConnectionManager,
    limit: u64,
    window_secs: i64,
}

impl Limiter {
    pub async fn connect(redis_url: &str, limit: u64, window_secs: i64) -> anyhow::Result<Self> {
        let conn = redis::Client::open(redis_url)?.get_connection_manager().await?;
        log::info!("rate limiter: {limit} requests per {window_secs}s");
        Ok(Self {
            conn,
            limit,
            window_secs,
        })
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Counts one request and returns the number seen in the current window.
    pub async fn hit(&self, bucket: &str) -> anyhow::Result<u64> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs() as i64;
        let window = now / self.window_secs;
        let key = format!("rl:{bucket}:{window}");

        let mut conn = self.conn.clone();
        let (count, _): (u64, bool) = redis::pipe()
            .atomic()
            .incr(&key, 1)
            .expire(&key, self.window_secs * 2)
            .query_async(&mut conn)
            .await?;
        Ok(count)
    }
}
