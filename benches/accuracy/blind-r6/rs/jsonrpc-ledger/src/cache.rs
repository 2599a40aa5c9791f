use redis::aio::ConnectionManager;
use redis::AsyncCommands;

#[derive(Clone)]
pub struct BalanceCache {
    conn: ConnectionManager,
}

impl BalanceCache {
    pub async fn connect(redis_url: &str) -> redis::RedisResult<Self> {
        let conn = ConnectionManager::new(redis::Client::open(redis_url)?).await?;
        Ok(Self { conn })
    }

    pub async fn get(&self, account: &str) -> Option<i64> {
        let mut conn = self.conn.clone();
        conn.get(format!("balance:{account}")).await.ok().flatten()
    }

    pub async fn put(&self, account: &str, cents: i64) {
        let mut conn = self.conn.clone();
        let _: redis::RedisResult<()> = conn.set_ex(format!("balance:{account}"), cents, 30).await;
    }
}
