use async_trait::async_trait;
use redis::aio::ConnectionManager;
use redis::AsyncCommands;

use super::{AuditEvent, Sink};

/// Keeps the last 200 events per organisation for the "recent activity" panel.
pub struct RecentActivity {
    conn: ConnectionManager,
}

impl RecentActivity {
    pub async fn connect(url: &str) -> redis::RedisResult<Self> {
        let client = redis::Client::open(url)?;
        let conn = client.get_connection_manager().await?;
        Ok(Self { conn })
    }
}

#[async_trait]
impl Sink for RecentActivity {
    fn name(&self) -> &'static str {
        "recent-activity"
    }

    async fn handle(&self, event: &AuditEvent) -> anyhow::Result<()> {
        let key = format!("activity:{}", event.org_id);
        let mut conn = self.conn.clone();
        let _: () = conn.lpush(&key, serde_json::to_string(event)?).await?;
        let _: () = conn.ltrim(&key, 0, 199).await?;
        Ok(())
    }
}
