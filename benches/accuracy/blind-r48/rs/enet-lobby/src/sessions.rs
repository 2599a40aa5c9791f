use anyhow::anyhow;
use redis::Commands;

/// Session tokens are minted by the account service and stored in Redis.
pub struct SessionStore {
    conn: redis::Connection,
}

impl SessionStore {
    pub fn open() -> anyhow::Result<Self> {
        let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".to_string());
        let client = redis::Client::open(url)?;
        Ok(Self { conn: client.get_connection()? })
    }

    pub fn resolve(&mut self, token: &str) -> anyhow::Result<String> {
        let player: Option<String> = self.conn.get(format!("session:{token}"))?;
        player.ok_or_else(|| anyhow!("unknown or expired session"))
    }
}
