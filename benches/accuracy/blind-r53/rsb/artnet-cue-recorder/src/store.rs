use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use tracing::warn;

/// Keeps the last few looks per universe:
///   show:<id>:u:<universe>:latest   -> raw 512-byte frame
///   show:<id>:u:<universe>:history  -> capped list of "<ms>:<hex>"
#[derive(Clone)]
pub struct Store {
    redis: ConnectionManager,
    show: String,
}

const HISTORY: isize = 200;

impl Store {
    /// Called once from main. Retries while the Redis box is still booting
    /// (the rack powers up in one go), then hands back a single manager.
    pub async fn connect(url: &str, show: &str) -> anyhow::Result<Self> {
        let client = redis::Client::open(url)?;
        let mut attempt = 0u32;
        let redis = loop {
            match ConnectionManager::new(client.clone()).await {
                Ok(m) => break m,
                Err(e) if attempt < 10 => {
                    attempt += 1;
                    warn!("redis not ready ({e}), retry {attempt}/10");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => return Err(e.into()),
            }
        };
        Ok(Self { redis, show: show.to_string() })
    }

    pub async fn snapshot(&self, universe: u16, frame: &[u8]) -> anyhow::Result<()> {
        let mut con = self.redis.clone();
        let base = format!("show:{}:u:{universe}", self.show);
        let ms = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
        let hex: String = frame.iter().map(|b| format!("{b:02x}")).collect();

        redis::pipe()
            .atomic()
            .set(format!("{base}:latest"), frame)
            .lpush(format!("{base}:history"), format!("{ms}:{hex}"))
            .ltrim(format!("{base}:history"), 0, HISTORY - 1)
            .query_async::<()>(&mut con)
            .await?;

        let _: () = con.publish(format!("show:{}:looks", self.show), universe).await?;
        Ok(())
    }
}
